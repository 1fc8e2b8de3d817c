namespace ProductionReform.Domain;

/// <summary>What a writer may do: editors change records, admins also import and manage keys.</summary>
public enum RegistryRole { Editor, Admin }

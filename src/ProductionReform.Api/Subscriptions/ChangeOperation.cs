namespace ProductionReform.Api.Subscriptions;

/// <summary>What a committed write did to a record, as <see cref="Live.RegistryChange.Operation"/> names it.</summary>
public enum ChangeOperation
{
    Create,
    Update,
    Delete,
}

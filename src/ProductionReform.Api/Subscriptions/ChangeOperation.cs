namespace ProductionReform.Api.Subscriptions;

/// <summary>What a committed write did to a record.</summary>
public enum ChangeOperation
{
    Create,
    Update,
    Delete,
}

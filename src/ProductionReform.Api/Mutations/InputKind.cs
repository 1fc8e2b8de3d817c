namespace ProductionReform.Api.Mutations;

public enum InputKind
{
    /// <summary>A column, mapped onto the entity with Mapster.</summary>
    Scalar,
    /// <summary>A to-one relation named by global id (<c>industryId</c>), stored in its foreign-key property.</summary>
    Reference,
    /// <summary>A many-to-many relation named by global ids (<c>sourceIds</c>), replacing the whole set.</summary>
    Many,
    /// <summary>A Boolean the rules read (<c>allowOverTarget</c>); not stored.</summary>
    Flag,
}

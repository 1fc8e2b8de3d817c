namespace ProductionReform.GraphQL.Data.Aggregation;

// Composite GROUP BY keys shaped like anonymous types (a constructor with members), which EF Core
// translates; one class per arity because a placeholder constant in GROUP BY would be read as a
// column position by PostgreSQL.

internal sealed class GroupKey<T0>(T0 k0) { public T0 K0 { get; } = k0; }

internal sealed class GroupKey<T0, T1>(T0 k0, T1 k1) { public T0 K0 { get; } = k0; public T1 K1 { get; } = k1; }

internal sealed class GroupKey<T0, T1, T2>(T0 k0, T1 k1, T2 k2)
{
    public T0 K0 { get; } = k0;
    public T1 K1 { get; } = k1;
    public T2 K2 { get; } = k2;
}

internal sealed class GroupKey<T0, T1, T2, T3>(T0 k0, T1 k1, T2 k2, T3 k3)
{
    public T0 K0 { get; } = k0;
    public T1 K1 { get; } = k1;
    public T2 K2 { get; } = k2;
    public T3 K3 { get; } = k3;
}

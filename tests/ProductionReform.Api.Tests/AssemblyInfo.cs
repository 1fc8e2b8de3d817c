// Test classes share one PostgreSQL server; each has a database of its own, so they may run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]

using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record PilotEnrollmentSeed(string EnterpriseName, string ProgramCode, DateOnly? EnrolledOn,
    PilotStatus Status, bool IsSample);

namespace ProductionReform.Api.Mutations;

/// <summary>The codes of <see cref="UserError"/>s; the README lists them.</summary>
public static class MutationCodes
{
    public const string Required = "REQUIRED";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string InvalidRange = "INVALID_RANGE";
    public const string NotUnique = "NOT_UNIQUE";
    public const string AlreadyEnrolled = "ALREADY_ENROLLED";
    public const string InvalidReference = "INVALID_REFERENCE";
    public const string NotFound = "NOT_FOUND";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";
    public const string Referenced = "REFERENCED";
    public const string TargetExceeded = "TARGET_EXCEEDED";
}

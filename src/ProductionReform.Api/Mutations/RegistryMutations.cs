using Microsoft.EntityFrameworkCore;
using ProductionReform.Domain;

namespace ProductionReform.Api.Mutations;

/// <summary>
/// What writers may set on each maintained entity, and the rules beyond column types. Required-ness, uniqueness
/// (from the unique indexes), references, concurrency and referrers on delete come from <see cref="MutationEngine{T}"/>.
/// </summary>
public static class RegistryMutations
{
    private const string SourceIds = "sourceIds";
    private const string SourceIdsDescription = "Global ids of the citations 引用 that state this record's facts; replaces the whole set.";

    public static IReadOnlyList<IEntityMutations> All { get; } =
    [
        new EntityMutations<Region>()
            .Field(x => x.Code).Field(x => x.Name).Field(x => x.NameEn).Field(x => x.Kind)
            .Field(x => x.Description).Field(x => x.DescriptionEn)
            .Reference<Region>(x => x.ParentId)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<Industry>()
            .Field(x => x.Code).Field(x => x.Name).Field(x => x.NameEn).Field(x => x.Kind)
            .Reference<Industry>(x => x.ParentId)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<Enterprise>()
            .Field(x => x.CreditCode, f => f
                .Describe("Unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character; lower " +
                    "case is accepted and stored upper case.")
                .NormalizeWith(value => ((string)value).Trim().ToUpperInvariant() is { Length: > 0 } code ? code : null)
                .Check(value => CheckCreditCode((string)value)))
            .Field(x => x.Name).Field(x => x.NameEn)
            .Reference<Industry>(x => x.IndustryId)
            .Reference<Region>(x => x.RegionId)
            .Field(x => x.ConstructionQualification)
            .Field(x => x.EmployeeCount, f => f.Minimum(0))
            .Field(x => x.IsBackbone)
            .Field(x => x.IsSample, f => f.Describe("True only for synthetic placeholder records; real firms leave it out (false)."))
            .Field(x => x.Description).Field(x => x.DescriptionEn)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<PilotProgram>()
            .Field(x => x.Code).Field(x => x.Name).Field(x => x.NameEn)
            .Reference<Industry>(x => x.IndustryId)
            .Field(x => x.Level)
            .Field(x => x.TargetCount, f => f.IsRequired().Minimum(0))
            .Field(x => x.LaunchedOn)
            .Many(x => x.Documents, "documentIds")
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<PilotEnrollment>()
            .Reference<PilotProgram>(x => x.ProgramId)
            .Reference<Enterprise>(x => x.EnterpriseId)
            .Field(x => x.EnrolledOn)
            .Field(x => x.Status, f => f.IsRequired(false).Describe("Status 状态; ACTIVE when left out on create."))
            .Many(x => x.Measures, "measureIds", "Global ids of the reform measures the enterprise adopted; replaces the whole set.")
            .Flag("allowOverTarget", "Enrol even when the program already has its target number of enterprises; the payload then carries a TARGET_EXCEEDED warning.")
            .UniqueError(x => x.EnterpriseId, MutationCodes.AlreadyEnrolled, "The enterprise is already enrolled in a pilot " +
                "program; a firm takes part in one pilot at most.")
            .Rule(CheckEnrollmentAsync),

        new EntityMutations<PolicyDocument>()
            .Field(x => x.Title).Field(x => x.TitleEn).Field(x => x.Kind).Field(x => x.Issuer).Field(x => x.IssuedOn)
            .Reference<Industry>(x => x.IndustryId)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<ReformMeasure>()
            .Field(x => x.Code)
            .Reference<PolicyDocument>(x => x.DocumentId)
            .Reference<Industry>(x => x.IndustryId)
            .Field(x => x.Ordinal, f => f.Minimum(1))
            .Field(x => x.Title).Field(x => x.TitleEn).Field(x => x.Description)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<SkillStandard>()
            .Field(x => x.Title).Field(x => x.TitleEn).Field(x => x.IssuerName)
            .Reference<Enterprise>(x => x.IssuerEnterpriseId)
            .Reference<Region>(x => x.IssuerRegionId)
            .Reference<InnovationStudio>(x => x.ProducedByStudioId)
            .Field(x => x.Channel)
            .Reference<Industry>(x => x.IndustryId)
            .Field(x => x.Levels)
            .Field(x => x.PostCount, f => f.Minimum(0))
            .Field(x => x.PublishedOn)
            .Many(x => x.Occupations, "occupationIds")
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<Occupation>()
            .Field(x => x.Code).Field(x => x.Name).Field(x => x.NameEn)
            .Reference<Industry>(x => x.IndustryId)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<InnovationStudio>()
            .Field(x => x.Name).Field(x => x.NameEn).Field(x => x.Kind)
            .Reference<Enterprise>(x => x.HostEnterpriseId)
            .Reference<Industry>(x => x.IndustryId)
            .Reference<InnovationStudio>(x => x.InspiredById)
            .Field(x => x.FoundedOn).Field(x => x.Description).Field(x => x.DescriptionEn)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<TrainingProgram>()
            .Field(x => x.Name).Field(x => x.NameEn).Field(x => x.Kind)
            .Reference<Enterprise>(x => x.EnterpriseId)
            .Reference<Industry>(x => x.IndustryId)
            .Field(x => x.Description)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<PracticeCase>()
            .Field(x => x.Title).Field(x => x.TitleEn)
            .Reference<Enterprise>(x => x.EnterpriseId)
            .Field(x => x.Summary).Field(x => x.Recognition)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription),

        new EntityMutations<Indicator>()
            .Field(x => x.Code).Field(x => x.Name).Field(x => x.NameEn).Field(x => x.Unit),

        new EntityMutations<IndicatorValue>()
            .Reference<Indicator>(x => x.IndicatorId)
            .Field(x => x.Value, f => f.IsRequired())
            .Field(x => x.Qualifier, f => f.IsRequired(false).Describe("How exactly the source states the figure; EXACT when left " +
                "out on create."))
            .Field(x => x.PeriodStart).Field(x => x.PeriodEnd).Field(x => x.IsYearToDate).Field(x => x.AsOf)
            .Reference<Region>(x => x.RegionId)
            .Many(x => x.Sources, SourceIds, SourceIdsDescription)
            .Ordered(x => x.PeriodStart, x => x.PeriodEnd)
            .Rule((context, value) =>
            {
                if (value.IsYearToDate && value.PeriodEnd is not null)
                    context.Error("periodEnd", MutationCodes.InvalidRange,
                        "A year-to-date figure ('isYearToDate': true) has no stated end: leave 'periodEnd' null.");
            }),

        new EntityMutations<Source>()
            .Field(x => x.Code).Field(x => x.Title).Field(x => x.Publisher).Field(x => x.Author)
            .Field(x => x.PublishedOn)
            .Field(x => x.PublishedYear, f => f.Minimum(1900))
            .Field(x => x.Kind).Field(x => x.Url)
            .Rule((context, source) =>
            {
                if (source.PublishedOn is { } on && source.PublishedYear is { } year && on.Year != year)
                    context.Error("publishedYear", MutationCodes.InvalidRange, $"'publishedYear' ({year}) must be the year of 'publishedOn' ({on:yyyy-MM-dd}).");
            }),

        new EntityMutations<Citation>()
            .Field(x => x.Code)
            .Reference<Source>(x => x.SourceId)
            .Field(x => x.Quote)
            .Field(x => x.Supports).Field(x => x.IsInference).Field(x => x.Note),
    ];

    private static (string Code, string Message)? CheckCreditCode(string code)
    {
        if (CreditCode.IsValid(code)) return null;
        if (code.Length != 18)
            return (MutationCodes.InvalidFormat, $"A credit code has 18 characters; '{code}' has {code.Length}.");
        if (code.FirstOrDefault(c => !CreditCode.Alphabet.Contains(c)) is var bad and not '\0')
            return (MutationCodes.InvalidFormat, $"'{bad}' cannot appear in a credit code (GB 32100-2015 uses 0-9 and A-Y without I, O, S, V, Z).");
        return (MutationCodes.InvalidFormat,
            $"The check character of '{code}' should be '{CreditCode.CheckCharacter(code.AsSpan(0, 17))}', not '{code[17]}' (GB 32100-2015).");
    }

    /// <summary>
    /// An enrollment takes the sample flag of its firm, and may not push its program past the target number of
    /// firms unless the writer says so (<c>allowOverTarget</c>), which is then noted as a warning.
    /// </summary>
    private static async Task CheckEnrollmentAsync(MutationContext context, PilotEnrollment enrollment)
    {
        if ((context.IsCreate || context.Provided("enterpriseId")) && !context.HasError("enterpriseId")
            && await context.Db.Enterprises.FindAsync([enrollment.EnterpriseId], context.CancellationToken) is { } enterprise)
            enrollment.IsSample = enterprise.IsSample;

        if (!context.IsCreate && !context.Provided("programId") && !context.Provided("status")) return;
        if (context.HasError("programId") || enrollment.Status == PilotStatus.Withdrawn) return;
        if (await context.Db.PilotPrograms.FindAsync([enrollment.ProgramId], context.CancellationToken) is not { } program) return;

        var enrolled = await context.Db.PilotEnrollments.CountAsync(
            e => e.ProgramId == program.Id && e.Status != PilotStatus.Withdrawn && e.Id != enrollment.Id, context.CancellationToken);
        if (enrolled < program.TargetCount) return;
        var message = $"Pilot program '{program.Name}' selects {program.TargetCount} enterprises and has {enrolled} enrolled; this would make {enrolled + 1}.";
        if (context.Flag("allowOverTarget"))
            context.Warn("programId", MutationCodes.TargetExceeded, message + " Saved because allowOverTarget is true.");
        else
            context.Error("programId", MutationCodes.TargetExceeded, message + " Set allowOverTarget: true to enrol over the target.");
    }
}

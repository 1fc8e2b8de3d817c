using Microsoft.EntityFrameworkCore;
using ProductionReform.Api.Mutations;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Pilots;

public sealed class PilotEnrollmentType : RegistryEntityType<PilotEnrollment>
{
    public PilotEnrollmentType() : base("Pilot enrollment 试点企业: an enterprise's membership of a pilot program.")
    {
        Reference(x => x.Program, "The pilot program 试点.").Writable();
        Reference(x => x.Enterprise, "The enrolled enterprise 企业.").Writable();
        Scalar(x => x.EnrolledOn, "Date of enrollment 入选日期, where known.").Writable();
        Scalar(x => x.Status, "Status of the enrollment 状态.")
            .Writable(w => w.Required(false).Describe("Status 状态; ACTIVE when left out on create."));
        Scalar(x => x.IsSample, "True when the enrolled firm is a synthetic sample record 示例数据.");
        List(x => x.Measures, "Reform measures the enterprise adopted 采用的措施.")
            .Writable(w => w.Describe("Global ids of the reform measures the enterprise adopted; replaces the whole set."));
        NaturalKey(x => x.Enterprise);
        Mutations
            .Flag("allowOverTarget", "Enrol even when the program already has its target number of enterprises; the payload then " +
                "carries a TARGET_EXCEEDED warning.")
            .UniqueError(x => x.EnterpriseId, MutationCodes.AlreadyEnrolled, "The enterprise is already enrolled in a pilot " +
                "program; a firm takes part in one pilot at most.")
            .Rule(CheckEnrollmentAsync);
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
        var message = $"Pilot program '{program.Name}' selects {program.TargetCount} enterprises and has {enrolled} enrolled; " +
                      $"this would make {enrolled + 1}.";
        if (context.Flag("allowOverTarget"))
            context.Warn("programId", MutationCodes.TargetExceeded, message + " Saved because allowOverTarget is true.");
        else
            context.Error("programId", MutationCodes.TargetExceeded, message + " Set allowOverTarget: true to enrol over the target.");
    }
}

using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Pilots;

public sealed class PilotEnrollmentType : RegistryEntityType<PilotEnrollment>
{
    public PilotEnrollmentType() : base("Pilot enrollment 试点企业: an enterprise's membership of a pilot program.")
    {
        Reference(x => x.Program, "The pilot program 试点.");
        Reference(x => x.Enterprise, "The enrolled enterprise 企业.");
        Scalar(x => x.EnrolledOn, "Date of enrollment 入选日期, where known.");
        Scalar(x => x.Status, "Status of the enrollment 状态.");
        Scalar(x => x.IsSample, "True when the enrolled firm is a synthetic sample record 示例数据.");
        List(x => x.Measures, "Reform measures the enterprise adopted 采用的措施.");
    }
}

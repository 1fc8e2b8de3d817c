using ProductionReform.Api.Mutations;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Pilots;

public sealed class PilotProgramType : RegistryEntityType<PilotProgram>
{
    public PilotProgramType() : base("Pilot program 试点: a group of enterprises that tries the reform first (先行先试).")
    {
        Scalar(x => x.Code, "Stable code of the program in this registry.").Writable();
        Scalar(x => x.Name, "Name in Chinese 名称.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Reference(x => x.Industry, "Industry of the program 行业.").Writable();
        Scalar(x => x.Level, "Level that runs the program 级别; the source does not state it, so the seed's CITY is marked as the " +
            "registry's inference (see provenance).").Writable();
        Scalar(x => x.TargetCount, "Number of enterprises the program selects 目标数量 (24 construction, 40 textile).")
            .Writable(w => w.Required().Minimum(0));
        Scalar(x => x.LaunchedOn, "Date the program started 启动日期, where the source gives it.").Writable();
        List(x => x.Enrollments, "Enterprises enrolled in the program 试点企业.");
        List(x => x.Documents, "Policy documents of the program 政策文件.").Writable();
        Cited(x => x.Sources);
        NaturalKey(x => x.Code);
        SearchedAs("Pilot programs 试点");
    }
}

using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Training;

public sealed class TrainingProgramType : RegistryEntityType<TrainingProgram>
{
    public TrainingProgramType() : base("Training system 培训体系 of an enterprise or industry.")
    {
        Scalar(x => x.Name, "Name in Chinese 名称.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.NameEn, "Name in English.").Writable().Searchable(SearchWeight.Label);
        Scalar(x => x.Kind, "Kind of training 类型.").Writable();
        Reference(x => x.Enterprise, "Enterprise that runs it 企业.").Writable();
        Reference(x => x.Industry, "Industry 行业.").Writable();
        Scalar(x => x.Description, "What it does 简介.").Writable().Searchable(SearchWeight.Text);
        Cited(x => x.Sources);
        NaturalKey(x => x.Name);
        SearchedAs("Training programs 培训体系");
    }
}

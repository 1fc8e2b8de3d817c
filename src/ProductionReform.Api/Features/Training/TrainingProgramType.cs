using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Training;

public sealed class TrainingProgramType : RegistryEntityType<TrainingProgram>
{
    public TrainingProgramType() : base("Training system 培训体系 of an enterprise or industry.")
    {
        Scalar(x => x.Name, "Name in Chinese 名称.");
        Scalar(x => x.NameEn, "Name in English.");
        Scalar(x => x.Kind, "Kind of training 类型.");
        Reference(x => x.Enterprise, "Enterprise that runs it 企业.");
        Reference(x => x.Industry, "Industry 行业.");
        Scalar(x => x.Description, "What it does 简介.");
        List(x => x.Sources, SourcesDescription);
    }
}

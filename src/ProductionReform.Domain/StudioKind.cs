using System.ComponentModel;

namespace ProductionReform.Domain;

public enum StudioKind
{
    ModelWorkerStudio, CraftsmanStudio, WorkerStudio, StudioCluster,

    [Description("知识产权银行, an intellectual property bank " +
        "(the value keeps the first design's term, knowledge-property bank, for compatibility).")]
    KnowledgePropertyBank,

    [Description("众创银行, a mass-innovation bank.")]
    CrowdInnovationBank,

    MicroInnovationBank, CulturePointsBank,
}

using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Sources;

public sealed class CitationType : RegistryEntityType<Citation>
{
    public CitationType() : base("Citation 引用: an exact quote of a source and the records whose facts it states.")
    {
        Scalar(x => x.Code, "Stable code of the citation in this registry.").Writable();
        Reference(x => x.Source, "The source quoted 来源.").Writable();
        Scalar(x => x.Quote, "The exact text of the source 原文.").Writable().Searchable(SearchWeight.Text);
        Scalar(x => x.Supports, "The fields of the cited records whose values this quote states (camelCase, as in the schema).").Writable();
        Scalar(x => x.IsInference, "True when the supported fields are the registry's reading of the quote, not what it says; " +
            "note says what was inferred.").Writable();
        Scalar(x => x.Note, "What the registry inferred from the quote, when isInference is true.").Writable();
        List(x => x.Regions, "Regions this quote states facts of.");
        List(x => x.Industries, "Industries this quote states facts of.");
        List(x => x.Enterprises, "Enterprises this quote states facts of.");
        List(x => x.PilotPrograms, "Pilot programs this quote states facts of.");
        List(x => x.PolicyDocuments, "Policy documents this quote states facts of.");
        List(x => x.ReformMeasures, "Reform measures this quote states facts of.");
        List(x => x.SkillStandards, "Skill standards this quote states facts of.");
        List(x => x.Occupations, "Occupations this quote states facts of.");
        List(x => x.InnovationStudios, "Innovation studios this quote states facts of.");
        List(x => x.TrainingPrograms, "Training programs this quote states facts of.");
        List(x => x.PracticeCases, "Practice cases this quote states facts of.");
        List(x => x.IndicatorValues, "Indicator values this quote states facts of.");
        NaturalKey(x => x.Code);
        SearchedAs("Citations 引用");
    }
}

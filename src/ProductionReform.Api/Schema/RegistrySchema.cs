using GraphQL.Types;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Counting;
using ProductionReform.Api.Features;
using ProductionReform.Api.Features.Audit;
using ProductionReform.Api.Features.Cases;
using ProductionReform.Api.Features.Changes;
using ProductionReform.Api.Features.Enterprises;
using ProductionReform.Api.Features.Indicators;
using ProductionReform.Api.Features.Industries;
using ProductionReform.Api.Features.Linkages;
using ProductionReform.Api.Features.Pilots;
using ProductionReform.Api.Features.Policies;
using ProductionReform.Api.Features.Quality;
using ProductionReform.Api.Features.Regions;
using ProductionReform.Api.Features.Search;
using ProductionReform.Api.Features.Sources;
using ProductionReform.Api.Features.Standards;
using ProductionReform.Api.Features.Studios;
using ProductionReform.Api.Features.Training;
using ProductionReform.Api.Mutations;
using ProductionReform.Api.Subscriptions;
using ProductionReform.Data;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Schema;

/// <summary>The registry's public schema: every entity with HotChocolate-style lists, plus node/nodes.</summary>
public sealed class RegistrySchema : global::GraphQL.Types.Schema
{
    public RegistrySchema(IServiceProvider services, IOptions<DataOptions> dataOptions) : base(services)
    {
        Description = "ProductionReform: the registry of Nantong's industrial-worker reform pilots 产业工人队伍建设改革.";
        var query = new ObjectGraphType { Name = "Query", Description = "Reads of the registry." };

        var auditEvent = new AuditEventType();
        var model = RegistryDatabase.DesignModel();
        var data = new DataSchemaBuilder(dataOptions.Value, typeof(RegistryDbContext), model);
        data.Past = new AuditedPast();
        data.KeptCounts = new KeptRelationCounts(model);
        data.Add(new RegionType())
            .Add(new IndustryType())
            .Add(new EnterpriseType())
            .Add(new PilotProgramType())
            .Add(new PilotEnrollmentType())
            .Add(new PolicyDocumentType())
            .Add(new ReformMeasureType())
            .Add(new SkillStandardType())
            .Add(new OccupationType())
            .Add(new InnovationStudioType())
            .Add(new TrainingProgramType())
            .Add(new PracticeCaseType())
            .Add(new IndicatorType())
            .Add(new IndicatorValueType())
            .Add(new SourceType())
            .Add(new CitationType())
            .Add(auditEvent);
        data.Build(this, query);
        AuditFields.AddTo(query, data.Types, auditEvent, dataOptions.Value);
        LinkageFields.AddTo(query, data.Nodes);
        SearchFields.AddTo(query, data.Nodes);
        ProvenanceFields.AddTo(data.Types, data.Nodes);
        DataQualityFields.AddTo(query);
        ChangeFeedFields.AddTo(query, dataOptions.Value);
        Query = query;
        Mutation = MutationFields.Build(this, data.Types.OfType<IRegistryEntityType>().Select(t => t.Mutations), data.Nodes);
        Subscription = SubscriptionFields.Build(data.Types.OfType<IRegistryEntityType>().Select(t => t.Model), data.Live);
        Models = data.Models;
    }

    /// <summary>The entity models behind the schema's lists (read by the CSV export).</summary>
    public ModelRegistry Models { get; }
}

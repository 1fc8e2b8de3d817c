using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.Api.Access;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Mutations;

/// <summary>
/// Builds the mutation conventions of HotChocolate for every declared entity: <c>createX(input: CreateXInput!): CreateXPayload!</c>,
/// <c>updateX</c>, <c>deleteX</c>; each payload has the changed record, <c>errors: [CreateXError!]</c> and <c>warnings</c>.
/// </summary>
public static class MutationFields
{
    /// <summary>Builds the Mutation type and registers on <paramref name="schema"/> the interface its error types share.</summary>
    public static ObjectGraphType Build(ISchema schema, IEnumerable<IEntityMutations> entities, NodeLoader nodes)
    {
        var mutation = new ObjectGraphType
        {
            Name = "Mutation",
            Description = "Writes to the registry; they need the EDITOR role (`Authorization: Bearer <key>`)."
        };
        RoleValidationRule.Require(mutation, RegistryRole.Editor);
        var userError = new UserErrorInterface();
        // Only implemented, never a field's type: without registering it, introspection would name an
        // interface it does not list, and clients such as GraphiQL refuse the whole schema.
        schema.RegisterType(userError);
        var warning = ErrorType("MutationWarning",
            "A note about a saved change the writer allowed (e.g. enrolling over a pilot's target).", null);
        foreach (var entity in entities)
        {
            var name = entity.TypeName;
            mutation.AddField(Mutation("create", entity, CreateInput(entity),
                Payload("Create", entity, nodes, userError, warning), spec => spec.CreateAsync,
                $"Creates {A(name)}."));
            mutation.AddField(Mutation("update", entity, UpdateInput(entity),
                Payload("Update", entity, nodes, userError, warning), spec => spec.UpdateAsync,
                $"Changes {A(name)}: fields left out stay as they are, an explicit null clears a field. " +
                "`version` must be the one you read."));
            mutation.AddField(Mutation("delete", entity, KeyInput($"Delete{name}Input", name),
                Payload("Delete", entity, nodes, userError, warning), spec => spec.DeleteAsync,
                $"Deletes {A(name)}, unless other records refer to it. `version` must be the one you read."));
        }
        return mutation;
    }

    private static FieldType Mutation(string verb, IEntityMutations entity, IInputObjectGraphType input, IObjectGraphType payload,
        Func<IEntityMutations, Func<MutationRequest, Task<MutationPayload>>> run, string description) => new()
        {
            Name = verb + entity.TypeName,
            Description = description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(input)) { Name = "input" }),
            Resolver = new FuncFieldResolver<object>(async context => await run(entity)(new MutationRequest
            {
                Input = context.Arguments!["input"].Value as IReadOnlyDictionary<string, object?>
                        ?? new Dictionary<string, object?>((IDictionary<string, object?>)context.Arguments["input"].Value!),
                Db = context.RequestServices!.GetRequiredService<RegistryDbContext>(),
                CancellationToken = context.CancellationToken,
            })),
        };

    private static InputObjectGraphType CreateInput(IEntityMutations entity)
    {
        var input = new InputObjectGraphType
        {
            Name = $"Create{entity.TypeName}Input",
            Description = $"A new {Words(entity.TypeName)}: the fields marked ! are required."
        };
        foreach (var field in entity.Fields) input.AddField(InputFieldType(field, field.Required));
        return input;
    }

    private static InputObjectGraphType UpdateInput(IEntityMutations entity)
    {
        var input = KeyInput($"Update{entity.TypeName}Input", entity.TypeName);
        input.Description = $"Changes to {A(entity.TypeName)}: only the fields given change; null clears an optional field.";
        foreach (var field in entity.Fields) input.AddField(InputFieldType(field, required: false));
        return input;
    }

    private static InputObjectGraphType KeyInput(string name, string typeName)
    {
        var input = new InputObjectGraphType { Name = name, Description = $"The {Words(typeName)} and the version you read." };
        input.AddField(new FieldType
        {
            Name = "id", Type = typeof(NonNullGraphType<IdGraphType>), Description = $"Global id of the {Words(typeName)}."
        });
        input.AddField(new FieldType
        {
            Name = "version",
            Type = typeof(NonNullGraphType<LongGraphType>),
            Description = "The `version` you read; a newer one means someone else changed the record (CONCURRENT_UPDATE)."
        });
        return input;
    }

    private static FieldType InputFieldType(InputField field, bool required)
    {
        var type = field.Kind switch
        {
            InputKind.Reference => typeof(IdGraphType),
            InputKind.Many => typeof(ListGraphType<NonNullGraphType<IdGraphType>>),
            _ => field.GraphType!,
        };
        return new FieldType
        {
            Name = field.Name,
            Description = field.Description,
            Type = required ? typeof(NonNullGraphType<>).MakeGenericType(type) : type,
        };
    }

    private static ObjectGraphType<MutationPayload> Payload(
        string verb, IEntityMutations entity, NodeLoader nodes, UserErrorInterface userError, IObjectGraphType warning)
    {
        var name = entity.TypeName;
        var payload = new ObjectGraphType<MutationPayload>
        {
            Name = $"{verb}{name}Payload", Description = $"The result of {verb.ToLowerInvariant()}{name}."
        };
        payload.AddField(new FieldType
        {
            Name = NameCase.CamelCase(name),
            Description = verb == "Delete"
                ? $"The deleted {Words(name)} as it was (its relations can no longer be read); null when refused."
                : $"The {Words(name)} as saved, with its new `version`; null when refused.",
            ResolvedType = new GraphQLTypeReference(name),
            Resolver = new FuncFieldResolver<object>(async context =>
            {
                var result = (MutationPayload)context.Source!;
                if (result.Deleted is not null) return result.Deleted;
                if (result.Key is not { } key) return null;
                // Read back through the data layer, projected to the selection: relations, lists and the new version.
                var selection = context.FieldAst.SelectionSet is { } set ? new[] { set } : [];
                var found = await nodes.LoadAsync(context, [(name, key)], selection);
                return found.GetValueOrDefault((name, key));
            }),
        });
        if (verb == "Delete")
        {
            payload.Field<IdGraphType>("deletedId").Description("Global id of the deleted record; null when refused.")
                .Resolve(context => context.Source.Deleted is ProductionReform.Domain.Entity deleted
                    ? GlobalId.Encode(name, deleted.Id)
                    : null);
        }
        var errorType = ErrorType($"{verb}{name}Error", $"Why {verb.ToLowerInvariant()}{name} was refused.", userError);
        payload.Field("errors", new ListGraphType(new NonNullGraphType(errorType)))
            .Description("Everything wrong with the input; null when saved. Nothing is saved when there are errors.")
            .Resolve(context => context.Source.Errors);
        payload.Field("warnings", new ListGraphType(new NonNullGraphType(warning)))
            .Description("Notes about a saved change the input allowed explicitly; null when there are none.")
            .Resolve(context => context.Source.Warnings);
        return payload;
    }

    private static ObjectGraphType<UserError> ErrorType(string name, string description, UserErrorInterface? implements)
    {
        var type = new ObjectGraphType<UserError> { Name = name, Description = description };
        type.Field<StringGraphType>("field")
            .Description("The input field at fault, e.g. `creditCode`; null for the whole record.")
            .Resolve(c => c.Source.Field);
        type.Field<NonNullGraphType<StringGraphType>>("message")
            .Description("What is wrong and what is expected.")
            .Resolve(c => c.Source.Message);
        type.Field<NonNullGraphType<StringGraphType>>("code")
            .Description("A stable code, e.g. REQUIRED, NOT_UNIQUE, INVALID_REFERENCE, CONCURRENT_UPDATE, REFERENCED, TARGET_EXCEEDED.")
            .Resolve(c => c.Source.Code);
        if (implements is not null) type.AddResolvedInterface(implements);
        return type;
    }

    private static string Words(string typeName) => Naming.Words(typeName, 1);

    /// <summary>"a pilot program", "an enterprise".</summary>
    private static string A(string typeName) => ("aeiou".Contains(Naming.Words(typeName, 1)[0]) ? "an " : "a ") + Naming.Words(typeName, 1);
}

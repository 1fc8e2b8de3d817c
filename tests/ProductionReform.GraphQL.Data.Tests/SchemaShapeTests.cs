using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using ProductionReform.GraphQL.Data.Tests.Fixture;

namespace ProductionReform.GraphQL.Data.Tests;

/// <summary>The SDL the data layer generates for a two-entity model follows HotChocolate's data conventions.</summary>
public sealed class SchemaShapeTests
{
    private string _sdl = null!;
    private GraphQLDocument _document = null!;

    [OneTimeSetUp]
    public void PrintSchema()
    {
        var services = new ServiceCollection();
        services.AddGraphQL(builder => builder
            .AddSchema<LibrarySchema>()
            .AddGraphTypes(typeof(DataSchemaBuilder).Assembly));
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        _sdl = schema.Print();
        _document = GraphQLParser.Parser.Parse(_sdl);
    }

    [Test]
    public void The_entity_filter_input_has_and_or_not_and_one_operation_input_per_field()
    {
        Assert.That(InputFields("BookFilterInput"), Is.EqualTo(new Dictionary<string, string>
        {
            ["and"] = "[BookFilterInput!]",
            ["or"] = "[BookFilterInput!]",
            ["not"] = "BookFilterInput",
            // The title has a trigram index in the EF model, so it also takes `matches`.
            ["title"] = "SearchableStringOperationFilterInput",
            ["pages"] = "IntOperationFilterInput",
            ["publishedOn"] = "DateOperationFilterInput",
            ["kind"] = "BookKindOperationFilterInput",
            ["formats"] = "ListFilterInputTypeOfBookFormatOperationFilterInput",
            ["tags"] = "ListFilterInputTypeOfStringOperationFilterInput",
            ["author"] = "AuthorFilterInput",
        }));
    }

    [TestCase("ListFilterInputTypeOfBookFormatOperationFilterInput", "BookFormatOperationFilterInput")]
    [TestCase("ListFilterInputTypeOfStringOperationFilterInput", "StringOperationFilterInput")]
    public void A_list_of_scalars_filters_its_elements_with_all_none_some_any_and_its_count(string input, string element)
    {
        Assert.That(InputFields(input), Is.EqualTo(new Dictionary<string, string>
        {
            ["all"] = element,
            ["none"] = element,
            ["some"] = element,
            ["any"] = "Boolean",
            ["count"] = "IntOperationFilterInput",
        }));
    }

    [Test]
    public void Matches_is_offered_only_on_text_with_a_trigram_index()
    {
        var searchable = InputFields("SearchableStringOperationFilterInput");
        Assert.Multiple(() =>
        {
            Assert.That(searchable["matches"], Is.EqualTo("String"));
            Assert.That(searchable.Keys.Except(["matches"]), Is.EquivalentTo(InputFields("StringOperationFilterInput").Keys));
            Assert.That(searchable["and"], Is.EqualTo("[SearchableStringOperationFilterInput!]"));
            Assert.That(InputFields("AuthorFilterInput")["name"], Is.EqualTo("StringOperationFilterInput"));
        });
    }

    [Test]
    public void A_to_many_relation_filters_through_a_list_filter_input_with_all_none_some_any()
    {
        Assert.Multiple(() =>
        {
            Assert.That(InputFields("AuthorFilterInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["and"] = "[AuthorFilterInput!]",
                ["or"] = "[AuthorFilterInput!]",
                ["not"] = "AuthorFilterInput",
                ["name"] = "StringOperationFilterInput",
                ["books"] = "ListFilterInputTypeOfBookFilterInput",
            }));
            Assert.That(InputFields("ListFilterInputTypeOfBookFilterInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["all"] = "BookFilterInput",
                ["none"] = "BookFilterInput",
                ["some"] = "BookFilterInput",
                ["any"] = "Boolean",
                ["count"] = "IntOperationFilterInput",
            }));
        });
    }

    [Test]
    public void String_operations_are_hot_chocolates_and_nest_with_and_or()
    {
        var expected = new Dictionary<string, string>
        {
            ["and"] = "[StringOperationFilterInput!]",
            ["or"] = "[StringOperationFilterInput!]",
        };
        foreach (var operation in new[] { "eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith" })
            expected[operation] = "String";
        expected["in"] = expected["nin"] = "[String]";
        // And the case-insensitive equality and membership of our own.
        expected["eqi"] = expected["neqi"] = "String";
        expected["ini"] = expected["nini"] = "[String]";
        Assert.That(InputFields("StringOperationFilterInput"), Is.EqualTo(expected));
    }

    [TestCase("IntOperationFilterInput", "Int")]
    [TestCase("DateOperationFilterInput", "Date")]
    public void Comparable_operations_cover_equality_lists_and_ranges(string input, string scalar)
    {
        var expected = new Dictionary<string, string>();
        foreach (var operation in new[] { "eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" })
            expected[operation] = scalar;
        expected["in"] = expected["nin"] = $"[{scalar}]";
        Assert.That(InputFields(input), Is.EqualTo(expected));
    }

    [Test]
    public void Enum_operations_are_equality_and_lists_of_the_enum()
    {
        Assert.Multiple(() =>
        {
            Assert.That(InputFields("BookKindOperationFilterInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["eq"] = "BookKind",
                ["neq"] = "BookKind",
                ["in"] = "[BookKind]",
                ["nin"] = "[BookKind]",
            }));
            Assert.That(EnumValues("BookKind"), Is.EqualTo(new[] { "NOVEL", "POETRY", "ESSAY" }));
        });
    }

    [Test]
    public void Sort_inputs_name_scalars_with_SortEnumType_and_relations_with_their_sort_input()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EnumValues("SortEnumType"), Is.EqualTo(new[] { "ASC", "DESC" }));
            Assert.That(InputFields("BookSortInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["title"] = "SortEnumType",
                ["pages"] = "SortEnumType",
                ["publishedOn"] = "SortEnumType",
                ["kind"] = "SortEnumType",
                ["author"] = "AuthorSortInput",
            }));
            // A to-many relation sorts by a statistic of its rows, shaped as the aggregate output.
            Assert.That(InputFields("AuthorSortInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["name"] = "SortEnumType",
                ["books"] = "BookAggregateSortInput",
            }));
            Assert.That(InputFields("BookAggregateSortInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["count"] = "SortEnumType",
                ["sum"] = "BookNumericAggregateSortInput",
                ["avg"] = "BookNumericAggregateSortInput",
                ["min"] = "BookNumericAggregateSortInput",
                ["max"] = "BookNumericAggregateSortInput",
            }));
            Assert.That(InputFields("BookNumericAggregateSortInput"),
                Is.EqualTo(new Dictionary<string, string> { ["pages"] = "SortEnumType" }));
            Assert.That(InputFields("AuthorAggregateSortInput"), Is.EqualTo(new Dictionary<string, string> { ["count"] = "SortEnumType" }),
                "no numeric field, no sum");
        });
    }

    [Test]
    public void Connections_edges_and_page_info_are_relay_shaped()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ObjectFields("BooksConnection"), Is.EqualTo(new Dictionary<string, string>
            {
                ["pageInfo"] = "PageInfo!",
                ["edges"] = "[BooksEdge!]",
                ["nodes"] = "[Book!]",
                ["totalCount"] = "Int!",
                ["aggregate"] = "BookAggregate!",
            }));
            Assert.That(ObjectFields("BooksEdge"), Is.EqualTo(new Dictionary<string, string>
            {
                ["cursor"] = "String!",
                ["node"] = "Book!",
            }));
            Assert.That(ObjectFields("PageInfo"), Is.EqualTo(new Dictionary<string, string>
            {
                ["hasNextPage"] = "Boolean!",
                ["hasPreviousPage"] = "Boolean!",
                ["startCursor"] = "String",
                ["endCursor"] = "String",
            }));
        });
    }

    [Test]
    public void Collection_segments_carry_items_page_info_and_total()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ObjectFields("BooksPageCollectionSegment"), Is.EqualTo(new Dictionary<string, string>
            {
                ["items"] = "[Book!]",
                ["pageInfo"] = "CollectionSegmentInfo!",
                ["totalCount"] = "Int!",
                ["aggregate"] = "BookAggregate!",
            }));
            Assert.That(ObjectFields("CollectionSegmentInfo"), Is.EqualTo(new Dictionary<string, string>
            {
                ["hasNextPage"] = "Boolean!",
                ["hasPreviousPage"] = "Boolean!",
            }));
        });
    }

    [Test]
    public void Query_has_a_connection_and_a_segment_per_entity_and_node_lookups()
    {
        var query = ObjectType("Query");
        Assert.Multiple(() =>
        {
            Assert.That(Arguments(query, "books"), Is.EqualTo(new Dictionary<string, string>
            {
                ["first"] = "Int",
                ["after"] = "String",
                ["last"] = "Int",
                ["before"] = "String",
                ["where"] = "BookFilterInput",
                ["order"] = "[BookSortInput!]",
            }));
            Assert.That(FieldType(query, "books"), Is.EqualTo("BooksConnection"));
            Assert.That(Arguments(query, "booksPage"), Is.EqualTo(new Dictionary<string, string>
            {
                ["skip"] = "Int",
                ["take"] = "Int",
                ["where"] = "BookFilterInput",
                ["order"] = "[BookSortInput!]",
            }));
            Assert.That(FieldType(query, "booksPage"), Is.EqualTo("BooksPageCollectionSegment"));
            Assert.That(FieldType(query, "authors"), Is.EqualTo("AuthorsConnection"));
            Assert.That(FieldType(query, "authorsPage"), Is.EqualTo("AuthorsPageCollectionSegment"));
            Assert.That(Arguments(query, "node"), Is.EqualTo(new Dictionary<string, string> { ["id"] = "ID!" }));
            Assert.That(FieldType(query, "node"), Is.EqualTo("Node"));
            Assert.That(Arguments(query, "nodes"), Is.EqualTo(new Dictionary<string, string> { ["ids"] = "[ID!]!" }));
            Assert.That(FieldType(query, "nodes"), Is.EqualTo("[Node]!"));
        });
    }

    [Test]
    public void Entity_types_implement_Node_and_expose_their_declared_fields()
    {
        var node = _document.Definitions.OfType<GraphQLInterfaceTypeDefinition>().Single(d => d.Name.StringValue == "Node");
        var book = ObjectType("Book");
        var author = ObjectType("Author");
        Assert.Multiple(() =>
        {
            Assert.That(node.Fields!.Items.Select(f => $"{f.Name.StringValue}: {Render(f.Type)}"), Is.EqualTo(new[] { "id: ID!" }));
            Assert.That(Interfaces(book), Is.EqualTo(new[] { "Node" }));
            Assert.That(Interfaces(author), Is.EqualTo(new[] { "Node" }));
            Assert.That(ObjectFields("Book"), Is.EqualTo(new Dictionary<string, string>
            {
                ["id"] = "ID!",
                ["title"] = "String!",
                ["pages"] = "Int!",
                ["publishedOn"] = "Date!",
                ["kind"] = "BookKind!",
                ["formats"] = "[BookFormat!]!",
                ["tags"] = "[String!]!",
                ["author"] = "Author",
            }));
            // A to-many relation is a connection with the same arguments as the root list.
            Assert.That(FieldType(author, "books"), Is.EqualTo("BooksConnection"));
            Assert.That(Arguments(author, "books").Keys, Is.EqualTo(new[] { "first", "after", "last", "before", "where", "order" }));
            Assert.That(_sdl, Does.Contain("type Book implements Node"));
            Assert.That(_sdl, Does.Contain("type Author implements Node"));
        });
    }

    [Test]
    public void Aggregate_groups_take_a_time_bucket_of_date_fields_and_having_on_counts_and_statistics()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Arguments(ObjectType("BookAggregate"), "groups"), Is.EqualTo(new Dictionary<string, string>
            {
                ["by"] = "[BookGroupField!]!",
                ["bucket"] = "BookTimeBucketInput",
                ["having"] = "BookAggregateHavingInput",
                ["order"] = "[AggregateGroupSortInput!]",
                ["first"] = "Int",
            }));
            Assert.That(InputFields("BookTimeBucketInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["field"] = "BookDateField!",
                ["unit"] = "TimeUnit!",
                ["fill"] = "Boolean",
            }));
            Assert.That(EnumValues("BookDateField"), Is.EqualTo(new[] { "PUBLISHED_ON" }));
            Assert.That(EnumValues("TimeUnit"), Is.EqualTo(new[] { "YEAR", "QUARTER", "MONTH", "DAY" }));
            Assert.That(ObjectFields("TimeBucket"),
                Is.EqualTo(new Dictionary<string, string> { ["start"] = "Date!", ["unit"] = "TimeUnit!" }));
            Assert.That(InputFields("BookAggregateHavingInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["and"] = "[BookAggregateHavingInput!]",
                ["or"] = "[BookAggregateHavingInput!]",
                ["count"] = "IntOperationFilterInput",
                ["distinctCount"] = "BookDistinctCountHavingInput",
                ["sum"] = "BookNumericHavingInput",
                ["avg"] = "BookNumericHavingInput",
                ["min"] = "BookNumericHavingInput",
                ["max"] = "BookNumericHavingInput",
                ["stddev"] = "BookNumericHavingInput",
                ["variance"] = "BookNumericHavingInput",
            }));
            Assert.That(InputFields("BookNumericHavingInput"), Is.EqualTo(new Dictionary<string, string>
            {
                ["pages"] = "FloatOperationFilterInput",
            }));
            // Authors have no date and no number: no bucket, and having offers counts only.
            Assert.That(Arguments(ObjectType("AuthorAggregate"), "groups").Keys, Does.Not.Contain("bucket"));
            Assert.That(InputFields("AuthorAggregateHavingInput").Keys,
                Is.EqualTo(new[] { "and", "or", "count", "distinctCount" }));
        });
    }

    private Dictionary<string, string> InputFields(string typeName)
    {
        var input = _document.Definitions.OfType<GraphQLInputObjectTypeDefinition>().SingleOrDefault(d => d.Name.StringValue == typeName)
            ?? throw new AssertionException($"The SDL has no input {typeName}:\n{_sdl}");
        return input.Fields!.Items.ToDictionary(f => f.Name.StringValue, f => Render(f.Type));
    }

    private GraphQLObjectTypeDefinition ObjectType(string typeName) =>
        _document.Definitions.OfType<GraphQLObjectTypeDefinition>().SingleOrDefault(d => d.Name.StringValue == typeName)
        ?? throw new AssertionException($"The SDL has no type {typeName}:\n{_sdl}");

    private Dictionary<string, string> ObjectFields(string typeName) =>
        ObjectType(typeName).Fields!.Items.ToDictionary(f => f.Name.StringValue, f => Render(f.Type));

    private static GraphQLFieldDefinition Field(GraphQLObjectTypeDefinition type, string name) =>
        type.Fields!.Items.SingleOrDefault(f => f.Name.StringValue == name)
        ?? throw new AssertionException($"{type.Name.StringValue} has no field {name}.");

    private static string FieldType(GraphQLObjectTypeDefinition type, string name) => Render(Field(type, name).Type);

    private static Dictionary<string, string> Arguments(GraphQLObjectTypeDefinition type, string name) =>
        Field(type, name).Arguments?.Items.ToDictionary(a => a.Name.StringValue, a => Render(a.Type)) ?? [];

    private static string[] Interfaces(GraphQLObjectTypeDefinition type) =>
        type.Interfaces?.Items.Select(i => i.Name.StringValue).ToArray() ?? [];

    private string[] EnumValues(string typeName)
    {
        var type = _document.Definitions.OfType<GraphQLEnumTypeDefinition>().SingleOrDefault(d => d.Name.StringValue == typeName)
            ?? throw new AssertionException($"The SDL has no enum {typeName}:\n{_sdl}");
        return type.Values!.Items.Select(v => v.EnumValue.Name.StringValue).ToArray();
    }

    private static string Render(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Render(nonNull.Type) + "!",
        GraphQLListType list => "[" + Render(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException(type.GetType().Name),
    };
}

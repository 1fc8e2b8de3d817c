using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>
/// The names of the filter operations (HotChocolate's), in one place for the input types that offer them and the
/// translator that reads them, with the operations each kind of value takes and what each means.
/// </summary>
internal static class FilterOperations
{
    public const string And = "and";
    public const string Or = "or";
    public const string Not = "not";

    public const string Eq = "eq";
    public const string Neq = "neq";
    public const string In = "in";
    public const string Nin = "nin";
    public const string EqIgnoringCase = "eqi";
    public const string NeqIgnoringCase = "neqi";
    public const string InIgnoringCase = "ini";
    public const string NinIgnoringCase = "nini";
    public const string Matches = "matches";
    public const string Contains = "contains";
    public const string NotContains = "ncontains";
    public const string StartsWith = "startsWith";
    public const string NotStartsWith = "nstartsWith";
    public const string EndsWith = "endsWith";
    public const string NotEndsWith = "nendsWith";
    public const string Gt = "gt";
    public const string NotGt = "ngt";
    public const string Gte = "gte";
    public const string NotGte = "ngte";
    public const string Lt = "lt";
    public const string NotLt = "nlt";
    public const string Lte = "lte";
    public const string NotLte = "nlte";

    public const string Some = "some";
    public const string None = "none";
    public const string All = "all";
    public const string Any = "any";
    public const string Count = "count";

    public static readonly string[] String =
    [
        Eq, Neq, Contains, NotContains, In, Nin, StartsWith, NotStartsWith, EndsWith, NotEndsWith,
        EqIgnoringCase, NeqIgnoringCase, InIgnoringCase, NinIgnoringCase,
    ];

    /// <summary>A text column with a trigram index also takes <c>matches</c>, the rule of <c>search</c>.</summary>
    public static readonly string[] SearchableString = [.. String, Matches];

    public static readonly string[] Comparable = [Eq, Neq, In, Nin, Gt, NotGt, Gte, NotGte, Lt, NotLt, Lte, NotLte];
    public static readonly string[] Equality = [Eq, Neq];
    public static readonly string[] Enum = [Eq, Neq, In, Nin];

    /// <summary>
    /// The operations a value of <paramref name="valueType"/> takes; <paramref name="searchable"/>: it has a trigram index.
    /// </summary>
    public static string[] For(Type valueType, bool searchable = false) =>
        ScalarTypes.IsString(valueType) ? searchable ? SearchableString : String
        : ScalarTypes.IsBoolean(valueType) ? Equality
        : ScalarTypes.IsEnum(valueType) ? Enum
        : Comparable;

    public static bool IsList(string operation) => operation is In or Nin or InIgnoringCase or NinIgnoringCase;

    public static bool IsCombinator(string name) => name is And or Or;

    public static string Describe(string operation) => operation switch
    {
        Eq => "Equals (null: the value is null).",
        Neq => "Does not equal (null: the value is not null).",
        In => "Equals one of these values.",
        Nin => "Equals none of these values.",
        EqIgnoringCase => "Equals this text, ignoring case.",
        NeqIgnoringCase => "Does not equal this text, ignoring case.",
        InIgnoringCase => "Equals one of these texts, ignoring case.",
        NinIgnoringCase => "Equals none of these texts, ignoring case.",
        Matches => "Matches as `search` does: contains this text ignoring case, or is similar to it (pg_trgm trigram " +
                   "similarity, so a misspelling still matches).",
        Contains => "Contains this text, ignoring case.",
        NotContains => "Does not contain this text, ignoring case.",
        StartsWith => "Starts with this text, ignoring case.",
        NotStartsWith => "Does not start with this text, ignoring case.",
        EndsWith => "Ends with this text, ignoring case.",
        NotEndsWith => "Does not end with this text, ignoring case.",
        Gt => "Greater than.",
        NotGt => "Not greater than.",
        Gte => "Greater than or equal.",
        NotGte => "Not greater than or equal.",
        Lt => "Less than.",
        NotLt => "Not less than.",
        Lte => "Less than or equal.",
        NotLte => "Not less than or equal.",
        _ => operation,
    };
}

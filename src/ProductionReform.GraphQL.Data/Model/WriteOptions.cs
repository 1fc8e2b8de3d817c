namespace ProductionReform.GraphQL.Data.Model;

/// <summary>
/// How a declared field is written by mutations and imports: whether it must be given, how a value is normalised and
/// which checks it must pass. Everything left unset follows the field's type (see the API's mutation engine).
/// </summary>
public sealed class WriteOptions(string fieldName)
{
    /// <summary>The declared field's name; checks name it in their messages.</summary>
    public string FieldName { get; } = fieldName;

    /// <summary>Null: required when the property cannot hold null and is a string or an enum (or a required relation).</summary>
    public bool? IsRequired { get; private set; }

    /// <summary>The input field's description when it says more than the output field's.</summary>
    public string? Description { get; private set; }

    /// <summary>Applied to a non-null value before it is checked and stored (e.g. upper-case a credit code).</summary>
    public Func<object, object?>? Normalizer { get; private set; }

    /// <summary>Checks of a non-null value: null when fine, else the code and message of the error.</summary>
    public IReadOnlyList<Func<object, (string Code, string Message)?>> Checks => _checks;

    private readonly List<Func<object, (string Code, string Message)?>> _checks = [];

    public WriteOptions Required(bool required = true)
    {
        IsRequired = required;
        return this;
    }

    public WriteOptions Describe(string description)
    {
        Description = description;
        return this;
    }

    public WriteOptions Normalize(Func<object, object?> normalize)
    {
        Normalizer = normalize;
        return this;
    }

    public WriteOptions Check(Func<object, (string Code, string Message)?> check)
    {
        _checks.Add(check);
        return this;
    }
}

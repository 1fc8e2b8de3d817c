using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Data;

namespace ProductionReform.Interchange.Import;

/// <summary>A scalar column: parsed from text by the property's type, then checked.</summary>
public sealed class ValueColumn : ImportColumn
{
    private readonly IReadOnlyList<Func<object, (string Code, string Message)?>> _checks;
    private readonly Type _type;
    private readonly Type? _element;
    private readonly Dictionary<string, object>? _enumNames;
    private readonly int? _maxLength;
    private readonly decimal? _decimalLimit;
    private readonly int? _scale;

    internal ValueColumn(string name, IProperty property, IReadOnlyList<Func<object, (string Code, string Message)?>> checks) : base(name)
    {
        Property = property;
        _checks = checks;
        var clrType = property.ClrType;
        _type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (_type != typeof(string) && _type.IsGenericType && typeof(IList).IsAssignableFrom(_type))
            _element = _type.GetGenericArguments()[0];
        var enumType = _element ?? _type;
        if (enumType.IsEnum)
        {
            _enumNames = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in Enum.GetValues(enumType)) _enumNames[EnumNames.ToScreamingSnake(value.ToString()!)] = value;
        }
        _maxLength = property.GetMaxLength();
        if (_type == typeof(decimal) && property.GetPrecision() is { } precision)
        {
            _scale = property.GetScale() ?? 0;
            _decimalLimit = (decimal)Math.Pow(10, precision - _scale.Value);
        }
        AllowsEmpty = property.IsNullable || _element is not null;
        // A new record needs every field that cannot be null, except true/false fields (false) and lists (empty).
        RequiredOnCreate = !property.IsNullable && _type != typeof(bool) && _element is null;
        Get = ImportDefinition.Getter(property.PropertyInfo!);
        Set = ImportDefinition.Setter(property.PropertyInfo!);
    }

    public IProperty Property { get; }

    /// <summary>An empty cell is allowed (it clears the field; a list becomes empty).</summary>
    public bool AllowsEmpty { get; }

    public bool RequiredOnCreate { get; }
    internal Func<object, object?> Get { get; }
    internal Action<object, object?> Set { get; }
    public bool IsList => _element is not null;

    /// <summary>The value of an empty cell: null, or an empty list.</summary>
    internal object? Empty() => _element is null ? null : Activator.CreateInstance(_type);

    /// <summary>Parses a non-empty cell; returns the reason when it cannot.</summary>
    internal string? Parse(string text, out object? value)
    {
        value = null;
        if (_element is not null)
        {
            var list = (IList)Activator.CreateInstance(_type)!;
            foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (ParseOne(_element, part, out var item) is { } reason) return reason;
                if (!list.Contains(item)) list.Add(item);
            }
            value = list;
            return null;
        }
        var problem = ParseOne(_type, text, out value);
        if (problem is not null || value is null) return problem;
        foreach (var check in _checks)
        {
            if (check(value) is { } failed) return failed.Message;
        }
        return null;
    }

    private string? ParseOne(Type type, string text, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            if (_maxLength is { } max && text.Length > max) return $"Longer than {max} characters.";
            value = text;
            return null;
        }
        if (type.IsEnum)
        {
            if (_enumNames!.TryGetValue(text.Trim(), out var member))
            {
                value = member;
                return null;
            }
            return $"Not one of {string.Join(", ", _enumNames.Keys)}.";
        }
        if (type == typeof(bool))
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": value = true; return null;
                case "false": value = false; return null;
                default: return "Not true or false.";
            }
        }
        if (type == typeof(int))
        {
            if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                value = number;
                return null;
            }
            return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? $"Out of range ({int.MinValue} to {int.MaxValue})."
                : "Not a whole number.";
        }
        if (type == typeof(decimal))
        {
            if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out var number))
                return "Not a number (write it with a '.' and no thousands separators).";
            if (_scale is { } scale) number = Math.Round(number, scale, MidpointRounding.AwayFromZero);
            if (_decimalLimit is { } limit && Math.Abs(number) >= limit) return $"Out of range (less than {limit} in size).";
            value = number;
            return null;
        }
        if (type == typeof(DateOnly))
        {
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                value = date;
                return null;
            }
            return "Not a date yyyy-MM-dd.";
        }
        throw new NotSupportedException($"Import cannot read {type.Name} values ({Name}).");
    }

    /// <summary>Whether a parsed value equals the stored one (lists by their items).</summary>
    internal static bool Same(object? stored, object? value) =>
        stored is IList a && value is IList b
            ? a.Count == b.Count && a.Cast<object>().SequenceEqual(b.Cast<object>())
            : Equals(stored, value);
}

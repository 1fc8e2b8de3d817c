using System.ComponentModel;

namespace ProductionReform.Domain;

/// <summary>How exactly the source states a figure.</summary>
public enum ValueQualifier
{
    [Description("The figure as stated, without a qualifier.")]
    Exact,

    [Description("近 / 约: nearly, about; the true figure is close to this one.")]
    Approximate,

    [Description("多 / 以上: more than; the figure is a lower bound.")]
    AtLeast,
}

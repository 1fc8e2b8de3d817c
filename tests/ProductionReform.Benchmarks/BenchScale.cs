using System.Globalization;

namespace ProductionReform.Benchmarks;

/// <summary>
/// How much synthetic data a benchmark database holds on top of the seed: <c>N</c> means N× the seed
/// (64 enterprises and 5 studios per step past the first), <c>E/S</c> means E enterprises and S studios.
/// Indicator values grow by 23 per 64 enterprises.
/// </summary>
public sealed record BenchScale(string Label, int Enterprises, int Studios)
{
    private const int EnterprisesPerStep = 64, StudiosPerStep = 5;

    // Synthetic values are dated one day apart from 2000-01-01; past ~7,000 days they would reach the seed's dates.
    private const int MaxValueSteps = 5000;

    public int ValueSteps => Enterprises / EnterprisesPerStep;

    public static BenchScale Parse(string text)
    {
        var parts = text.Split('/');
        var scale = parts.Length switch
        {
            1 => Times(int.Parse(parts[0], CultureInfo.InvariantCulture)),
            2 => new BenchScale(text, int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)),
            _ => throw new FormatException($"a scale is N (N× the seed) or E/S (enterprises/studios), not '{text}'"),
        };
        if (scale.Enterprises < 0 || scale.Studios < 0 || scale.ValueSteps > MaxValueSteps || (scale.Studios > 0 && scale.Enterprises == 0))
            throw new ArgumentException(
                $"scale '{text}': at most {MaxValueSteps * EnterprisesPerStep} enterprises, studios need enterprises");
        return scale;
    }

    private static BenchScale Times(int n) => n < 1
        ? throw new ArgumentException("a scale N must be 1 or more")
        : new BenchScale(n.ToString(CultureInfo.InvariantCulture), (n - 1) * EnterprisesPerStep, (n - 1) * StudiosPerStep);

    public override string ToString() => Label;
}

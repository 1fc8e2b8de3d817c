using System.Globalization;

namespace ProductionReform.Benchmarks;

/// <summary>CPU time and resident memory of a process, read from Linux's /proc.</summary>
public static class ProcessMetrics
{
    // /proc reports CPU in clock ticks; USER_HZ is 100 on every Linux this runs on.
    private const double MillisecondsPerTick = 10;

    /// <summary>User + system CPU of <paramref name="pid"/> so far in ms, or null when the process is gone.</summary>
    public static double? CpuMs(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * MillisecondsPerTick;
    }

    /// <summary>The peak resident set (VmHWM) in MB since start or since the last <see cref="ResetPeak"/>.</summary>
    public static double PeakRssMb(int pid) => StatusKb(pid, "VmHWM:") / 1024.0;

    /// <summary>Starts the peak resident set afresh (writing 5 to clear_refs); false when the kernel refuses.</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static long StatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }
}

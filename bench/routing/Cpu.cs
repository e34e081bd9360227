using System.Globalization;

namespace RyzeApi.Bench.Routing;

/// <summary>CPU seconds used so far by the API, PostgreSQL (all its processes) and this process (fakes and load),
/// read from /proc.</summary>
internal readonly record struct Cpu(double Api, double Postgres, double Bench)
{
    public static Cpu Now(int apiPid) => new(Seconds(apiPid), PostgresSeconds(), Seconds(Environment.ProcessId));

    /// <summary>CPU milliseconds each process spent per item between <paramref name="before"/> and this reading.</summary>
    public Cpu MsPerItemSince(Cpu before, int count) =>
        new((Api - before.Api) * 1000 / count, (Postgres - before.Postgres) * 1000 / count, (Bench - before.Bench) * 1000 / count);

    public static double Seconds(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0; // exited meanwhile
        }
    }

    private static double PostgresSeconds() => Directory.EnumerateDirectories("/proc").Select(Path.GetFileName)
        .Where(n => n!.All(char.IsAsciiDigit)).Select(int.Parse!)
        .Where(pid => File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres")
        .Sum(Seconds);
}

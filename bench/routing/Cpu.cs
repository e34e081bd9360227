using System.Globalization;

namespace RyzeApi.Bench.Routing;

/// <summary>CPU seconds used so far by the API, one PostgreSQL server (its main process and every child: backends,
/// WAL writer, checkpointer…) and this process (fakes and load), read from /proc. Other PostgreSQL servers on the
/// machine, such as the other cluster of the run, do not count.</summary>
internal readonly record struct Cpu(double Api, double Postgres, double Bench)
{
    public static Cpu Now(int apiPid, int postmasterPid) =>
        new(Seconds(apiPid), PostgresSeconds(postmasterPid), Seconds(Environment.ProcessId));

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

    public static int ParentOf(int pid)
    {
        try
        {
            // Field 4 of /proc/PID/stat, after the command name in parentheses.
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static double PostgresSeconds(int postmasterPid) => Seconds(postmasterPid) + Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(int.Parse!)
        .Where(pid => ParentOf(pid) == postmasterPid)
        .Sum(Seconds);
}

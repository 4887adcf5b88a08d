using System.Globalization;
using Npgsql;

namespace HccPathway.Benchmarks;

/// <summary>
/// CPU time spent during a load by each service process and by the PostgreSQL backends serving it (told apart by the
/// connection's application name), from /proc. Unlike throughput, CPU per command hardly changes when other work
/// shares the machine, so it shows where a command's cost goes even on a busy 2-core box.
/// </summary>
public sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly PathwaySystem system;
    private readonly Dictionary<string, double> before;

    private CpuMeter(PathwaySystem system, Dictionary<string, double> before)
    {
        this.system = system;
        this.before = before;
    }

    public static async Task<CpuMeter> Start(PathwaySystem system) => new(system, await Read(system));

    /// <summary>
    /// CPU milliseconds per command since <see cref="Start"/>, per service process, per service's backends, and for the
    /// load generator; and "progression-writes", the daemons' writes to mt_event_progression per command.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, double MillisecondsPerCommand)>> PerCommand(int commands)
    {
        var after = await Read(system);
        return after
            .Select(a => (a.Key, (a.Value - before.GetValueOrDefault(a.Key)) * 1000 / Math.Max(1, commands)))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<Dictionary<string, double>> Read(PathwaySystem system)
    {
        var seconds = new Dictionary<string, double>
        {
            ["load-generator"] = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        };
        foreach (var service in system.Processes)
        {
            seconds[service.Name] = Seconds(service.ProcessId);
        }

        await using var connection = new NpgsqlConnection(system.Settings.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select pid, application_name from pg_stat_activity where application_name like @prefix", connection);
        command.Parameters.AddWithValue("prefix", PathwaySystem.ApplicationNamePrefix + "%");
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var name = "pg:" + reader.GetString(1)[PathwaySystem.ApplicationNamePrefix.Length..];
                seconds[name] = seconds.GetValueOrDefault(name) + Seconds(reader.GetInt32(0));
            }
        }

        // Not CPU: the daemons' progression writes (high-water marks and subscription checkpoints), each a commit.
        await using var writes = new NpgsqlCommand(
            "select coalesce(sum(n_tup_ins + n_tup_upd), 0)::float8 / 1000 from pg_stat_user_tables where schemaname = @schema and relname = 'mt_event_progression'",
            connection);
        writes.Parameters.AddWithValue("schema", system.Store.EventsSchema);
        seconds["progression-writes"] = (double)(await writes.ExecuteScalarAsync())!;
        return seconds;
    }

    // utime and stime are fields 14 and 15 of /proc/<pid>/stat; the command name (field 2) may hold spaces.
    private static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

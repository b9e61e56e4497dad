using System.Globalization;
using Npgsql;

namespace CoachBot.Benchmarks;

/// <summary>
/// CPU time (user + system, from /proc) of the PostgreSQL backends serving one database: sampled before and after a
/// run, per backend, the difference is what the database spent on that run's queries. The cluster is shared with other
/// databases (and other users of the machine), so only this database's backends count; the WAL writer, checkpointer
/// and background writer serve everyone and are left out. Pools keep backends open across a run, so few exit unseen.
/// </summary>
internal sealed class DatabaseCpu(NpgsqlDataSource dataSource)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly Dictionary<int, long> _start = [];
    private readonly Dictionary<int, long> _last = [];

    /// <summary>Records every current backend of the database; later samples count from here.</summary>
    public async Task StartAsync()
    {
        foreach (var (pid, ticks) in await ReadAsync())
        {
            _start[pid] = ticks;
            _last[pid] = ticks;
        }
    }

    /// <summary>Takes a sample (call it now and then during a run, so backends that exit later are still counted).</summary>
    public async Task SampleAsync()
    {
        foreach (var (pid, ticks) in await ReadAsync())
        {
            _last[pid] = ticks;
        }
    }

    /// <summary>CPU the database's backends spent since <see cref="StartAsync"/>, up to the last sample.</summary>
    public TimeSpan Spent => TimeSpan.FromSeconds(_last.Sum(kv => kv.Value - _start.GetValueOrDefault(kv.Key)) / TicksPerSecond);

    private async Task<List<(int Pid, long Ticks)>> ReadAsync()
    {
        var pids = new List<int>();
        await using (var command = dataSource.CreateCommand("select pid from pg_stat_activity where datname = current_database()"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        var samples = new List<(int, long)>();
        foreach (var pid in pids)
        {
            try
            {
                // Fields after the ")" that closes the command name: state is [0], utime [11], stime [12].
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                samples.Add((pid, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)));
            }
            catch (IOException)
            {
                // The backend exited between the query and the read.
            }
        }

        return samples;
    }
}

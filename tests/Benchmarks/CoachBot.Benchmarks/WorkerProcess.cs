using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CoachBot.Benchmarks;

/// <summary>A worker child process: started, watched (tick times, peak memory) and, for crash runs, killed with SIGKILL.</summary>
internal sealed class WorkerProcess(string[] arguments, string mode = "worker")
{
    private Process? _process;

    /// <summary>Every dispatcher tick: whole tick and claim time in ms, reps claimed.</summary>
    public ConcurrentQueue<(double TickMs, double ClaimMs, int Claimed)> Ticks { get; } = new();

    public long PeakRssKb { get; private set; }

    /// <summary>Result lines of a non-worker child (the plain client's "PLAIN …").</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public async Task WaitAsync()
    {
        await _process!.WaitForExitAsync();
        _process.WaitForExit(); // drains the redirected output
    }

    public void Start()
    {
        // run.sh may raise the coordinator's priority (its fakes stand for remote services and must stamp arrivals on
        // time); workers inherit it, so they are started back at normal priority: CoachBot itself gets no favours.
        var raisedBy = int.TryParse(Environment.GetEnvironmentVariable("BENCH_FAKES_RAISED_BY"), out var n) ? n : 0;
        var start = new ProcessStartInfo(raisedBy > 0 ? "nice" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (raisedBy > 0)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(raisedBy.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        start.ArgumentList.Add(mode);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("TICK ", StringComparison.Ordinal) == true)
            {
                var parts = e.Data[5..].Split(' ');
                Ticks.Enqueue((double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
            else if (e.Data?.StartsWith("PLAIN ", StringComparison.Ordinal) == true)
            {
                Output.Enqueue(e.Data);
            }
            else if (!string.IsNullOrWhiteSpace(e.Data))
            {
                Console.Error.WriteLine($"  [worker {_process.Id}] {e.Data}");
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                Console.Error.WriteLine($"  [worker {_process.Id}!] {e.Data}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Samples the process's high-water resident memory (VmHWM) from /proc.</summary>
    public void SampleMemory()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process!.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                PeakRssKb = Math.Max(PeakRssKb, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
            }
        }
        catch (IOException)
        {
            // The process just exited; keep the last sample.
        }
    }

    public bool HasExited => _process?.HasExited ?? true;

    public void KillHard()
    {
        SampleMemory();
        _process?.Kill(entireProcessTree: true); // SIGKILL: no shutdown hooks, leases and Hangfire jobs are left behind
        _process?.WaitForExit();
    }
}

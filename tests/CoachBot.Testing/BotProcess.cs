using System.Diagnostics;

namespace CoachBot.Testing;

/// <summary>
/// Runs the real CoachBot binary to its exit, as an admin would start it: start-up failures are judged by the
/// process's own exit code and output, not by anything in-process.
/// </summary>
public static class BotProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Task<Outcome> RunToExitAsync(params (string Name, string Value)[] environment) => RunToExitAsync([], environment);

    /// <summary>Runs the bot with command-line <paramref name="arguments"/> (e.g. <c>migrate</c>) until it exits.</summary>
    public static async Task<Outcome> RunToExitAsync(string[] arguments, params (string Name, string Value)[] environment)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}

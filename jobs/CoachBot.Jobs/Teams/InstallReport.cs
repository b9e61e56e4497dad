using System.Text;
using CoachBot.Coaching.Managers;

namespace CoachBot.Jobs.Teams;

/// <summary>What the admin who ran `install teams` reads when it finishes: counts, and what to do about each failure.</summary>
public static class InstallReport
{
    public const string Installed = "installed";
    public const string AlreadyInstalled = "already-installed";

    public static string Summarize(IReadOnlyCollection<string> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return "The Teams install finished: nobody needed it. Every Teams rep CoachBot knows already has a chat with it.";
        }

        var text = new StringBuilder($"The Teams install finished for {outcomes.Count} {(outcomes.Count == 1 ? "person" : "people")}:");
        var reached = outcomes.Count(o => o is Installed or AlreadyInstalled);
        if (reached > 0)
        {
            text.Append($"\n• {reached} can now get nudges ({outcomes.Count(o => o == Installed)} newly installed, {outcomes.Count(o => o == AlreadyInstalled)} already had CoachBot).");
        }

        foreach (var failed in outcomes.Where(o => o is not (Installed or AlreadyInstalled)).GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (why, fix) = ReachAdvice.For(failed.Key);
            text.Append($"\n• {failed.Count()} not installed: {why} {fix}");
        }

        text.Append("\n`unreachable` lists who is still unreachable and why.");
        return text.ToString();
    }
}

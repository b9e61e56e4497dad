using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;

namespace CoachBot.Coaching.Crm.Import;

/// <summary>`crm import deals` followed by a deals export's CSV lines (admins only).</summary>
public sealed record ImportDeals(string Csv) : ManagerCommand("crm");

/// <summary>`crm import deals`: checks the whole file, then imports it, or lists every problem and imports nothing.</summary>
public sealed partial class ImportDealsCommand(DealsImport import)
{
    private const int ProblemsShown = 10;

    /// <summary>The `crm import deals` form of a `crm …` command; null when the text is another crm subcommand.</summary>
    public static ManagerCommand? Parse(string text) => ImportPattern().Match(text.Trim()) is not { Success: true } m ? null
        : m.Groups["csv"].Value.Trim() is { Length: > 0 } csv ? new ImportDeals(csv)
        : ManagerCommandParser.Bad("crm", "No CSV lines after `crm import deals`: paste the export, header row first.");

    public async Task<CommandResult> ImportAsync(Person actor, string csv, CancellationToken cancellationToken)
    {
        if (ManagerAuthorization.CanAdminister(actor) is { Allowed: false } refused)
        {
            return CommandResult.Refuse(refused.Refusal!);
        }

        var file = DealsCsv.Parse(csv);
        if (file.Problems.Count > 0)
        {
            var text = new StringBuilder(file.Problems.Count == 1 ? "The deals file has a problem; nothing was imported." : $"The deals file has {file.Problems.Count} problems; nothing was imported.");
            foreach (var problem in file.Problems.Take(ProblemsShown))
            {
                text.Append("\n• ").Append(problem);
            }

            if (file.Problems.Count > ProblemsShown)
            {
                text.Append($"\n…and {file.Problems.Count - ProblemsShown} more.");
            }

            return CommandResult.Error(text.Append('\n').Append(ManagerUsage.For("crm")).ToString());
        }

        var result = await import.ImportAsync(actor, file.Rows, cancellationToken);
        var reply = new StringBuilder($"Deals imported: {result.Deals} ({result.Open} open, {result.Won} won, {result.Lost} lost) from {result.Owners} owner{(result.Owners == 1 ? "" : "s")}, "
            + $"{result.Owners - result.UnmatchedEmails.Count} matched to reps by email.");
        if (result.UnmatchedEmails.Count > 0)
        {
            reply.Append($" No rep has the email of: {string.Join(", ", result.UnmatchedEmails.Select(e => CommandArguments.Shorten(e)))}; their deals are kept but shown to nobody until a rep with that email joins.");
        }

        return CommandResult.Say(reply.Append(" Sending the same file again changes nothing.").ToString(), detail: $"{result.Deals} deals");
    }

    [GeneratedRegex(@"^crm\s+import\s+deals(?:\s(?<csv>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ImportPattern();
}

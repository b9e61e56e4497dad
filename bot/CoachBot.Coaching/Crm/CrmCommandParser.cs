using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Crm;

/// <summary>The words after `crm`. Pure: no I/O.</summary>
public static class CrmCommandParser
{
    public const string Verb = "crm";
    public static readonly string[] Actions = ["connect", "import", "status", "unmatched", "sync", "disconnect"];
    public static readonly string[] Connectable = ["hubspot", "salesforce"];
    public static readonly string[] Removable = ["hubspot", "salesforce", "csv"];

    public static ManagerCommand Parse(IReadOnlyList<string> args)
    {
        var action = args.Count == 0 ? "" : args[0].ToLowerInvariant();
        var rest = args.Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        return (action, rest) switch
        {
            ("", _) => Bad($"Say what to do: {string.Join(", ", Actions)}."),
            ("connect", [var kind]) when Connectable.Contains(kind) => new CrmCommand(CrmAction.Connect, Kind(kind)),
            ("connect", _) => Bad(Choose("connect", rest, Connectable)),
            ("disconnect", [var kind]) when Removable.Contains(kind) => new CrmCommand(CrmAction.Disconnect, Kind(kind)),
            ("disconnect", _) => Bad(Choose("disconnect", rest, Removable)),
            ("status", []) => new CrmCommand(CrmAction.Status),
            ("unmatched", []) => new CrmCommand(CrmAction.Unmatched),
            ("sync", []) => new CrmCommand(CrmAction.Sync),
            ("status" or "unmatched" or "sync", _) => Bad($"`crm {action}` takes nothing after it."),
            _ => Bad($"\"{CommandArguments.Shorten(args[0])}\" is not a crm command. Choose {string.Join(", ", Actions)}."),
        };
    }

    public static string Name(CrmKind kind) => kind switch
    {
        CrmKind.HubSpot => "HubSpot",
        CrmKind.Salesforce => "Salesforce",
        _ => "the CSV import",
    };

    private static string Choose(string action, List<string> rest, string[] kinds) => rest.Count == 0
        ? $"Say which CRM: `crm {action} {string.Join("|", kinds)}`."
        : $"\"{CommandArguments.Shorten(string.Join(' ', rest))}\" is not one of {string.Join(", ", kinds)}.";

    private static CrmKind Kind(string word) => Enum.Parse<CrmKind>(word, ignoreCase: true);

    private static ManagerCommand Bad(string problem) => ManagerCommandParser.Bad(Verb, problem);
}

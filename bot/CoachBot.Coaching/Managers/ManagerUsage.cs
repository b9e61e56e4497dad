namespace CoachBot.Coaching.Managers;

/// <summary>One usage line per subcommand; errors quote the matching line.</summary>
public static class ManagerUsage
{
    public static readonly IReadOnlyDictionary<string, string> Lines = new Dictionary<string, string>
    {
        ["help"] = "`help`: this list",
        ["reps"] = "`reps`: your reps and their settings",
        ["rep"] = "`rep @person`: one rep's profile and open escalations",
        ["style"] = "`style @person driver|expressive|amiable|analytical`",
        ["race"] = "`race @person sprint|middle|distance`",
        ["focus"] = $"`focus @person skill [skill…]` with skills from: {string.Join(", ", ManagerCommandParser.Skills)}",
        ["schedule"] = "`schedule @person 09:30[,14:00] [mon-fri|mon,wed,fri]`",
        ["pause"] = "`pause @person`",
        ["resume"] = "`resume @person`",
        ["nudge"] = "`nudge @person [now]`",
        ["escalations"] = "`escalations [open|mine|all]`",
        ["ack"] = "`ack E-42`",
        ["resolve"] = "`resolve E-42 [note for the rep]`",
        ["reassign"] = "`reassign E-42 @manager`",
        ["snooze"] = "`snooze E-42 2h|1d|3d`",
        ["note"] = "`note E-42 text`: a note for managers only",
        ["brief"] = "`brief [@person]`",
        ["stats"] = "`stats`",
        ["import"] = "`import` followed by CSV lines: email,name,role,manager,time zone (admins only)",
        ["managers"] = "`managers add|remove @person` (admins only)",
        ["keywords"] = "`keywords [add|remove word]`: words in a shared reply that raise an escalation",
        ["goal"] = "`goal @person 5 demos weekly`: propose a target; the rep accepts it or sets their own",
        ["unreachable"] = "`unreachable`: people CoachBot cannot message, why, and what to do (admins only)",
        ["install"] = "`install teams`: install CoachBot's Teams app for reps it cannot reach, through Microsoft Graph (admins only)",
        ["crm"] = "`crm connect hubspot|salesforce`, `crm import deals` followed by a deals export (CSV, header row first), `crm status`, `crm unmatched`, `crm sync`, `crm disconnect hubspot|salesforce|csv`: the CRM behind deal-aware coaching (admins only)",
    };

    public static string For(string verb) => Lines.TryGetValue(verb, out var line) ? $"Usage: {line}" : All;

    public static string All => "Commands: " + string.Join(", ", Lines.Keys) + ". Try `help`.";

    public static string Help => "Manager commands:\n" + string.Join("\n", Lines.Values.Select(l => "• " + l));
}

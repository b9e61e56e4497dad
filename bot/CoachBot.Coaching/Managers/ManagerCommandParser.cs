using System.Text.RegularExpressions;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Managers.ManagerCommand;

namespace CoachBot.Coaching.Managers;

/// <summary>Turns "/coach …" text (or the same text typed to the bot in Teams) into a command. Pure: no I/O.</summary>
public static partial class ManagerCommandParser
{
    public static readonly string[] Styles = ["driver", "expressive", "amiable", "analytical"];
    public static readonly string[] Races = ["sprint", "middle", "distance"];
    public static readonly string[] Skills = FocusSkills.All.Select(s => s.ToDbValue()).ToArray();

    /// <summary>
    /// The first word of every manager command: the one list the platforms use to tell a command from conversation
    /// (Teams DMs) and that the Teams manifest's command lists are checked against. <see cref="Parse"/> handles each.
    /// </summary>
    public static readonly IReadOnlyList<string> Verbs =
    [
        "help", "reps", "rep", "pause", "resume", "style", "race", "focus", "schedule", "nudge", "escalations",
        "ack", "resolve", "note", "reassign", "snooze", "brief", "stats", "import", "managers", "keywords", "goal",
        "unreachable", "install", "crm",
    ];

    public static bool IsVerb(string word) => Verbs.Contains(word, StringComparer.OrdinalIgnoreCase);

    public static ManagerCommand Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var tokens = TokenPattern().Matches(trimmed).Select(m => m.Value).ToList();
        if (tokens.Count == 0)
        {
            return new Help();
        }

        var verb = tokens[0].ToLowerInvariant();
        var args = tokens.Skip(1).ToList();
        return verb switch
        {
            "help" => new Help(),
            "reps" => args.Count == 0 ? new Reps() : Bad("reps", "`reps` takes no arguments."),
            "rep" => WithPerson(verb, args, p => new Rep(p)),
            "pause" => WithPerson(verb, args, p => new Pause(p)),
            "resume" => WithPerson(verb, args, p => new Resume(p)),
            "style" => WithChoice(verb, args, Styles, (p, s) => new SetStyle(p, s)),
            "race" => WithChoice(verb, args, Races, (p, r) => new SetRace(p, r)),
            "focus" => ParseFocus(args),
            "schedule" => ScheduleParser.Parse(args),
            "nudge" => args.Count > 0 && args[^1].Equals("now", StringComparison.OrdinalIgnoreCase)
                ? WithPerson(verb, args[..^1], p => new Nudge(p, true))
                : WithPerson(verb, args, p => new Nudge(p, false)),
            "escalations" => ParseFilter(args),
            "ack" => WithEscalation(verb, args, (id, rest) => rest.Count == 0 ? new Ack(id) : Bad(verb, "`ack` takes only the escalation id.")),
            "resolve" => WithEscalation(verb, args, (id, rest) => new Resolve(id, rest.Count == 0 ? null : CommandArguments.RestOf(trimmed, 2))),
            "note" => WithEscalation(verb, args, (id, rest) => rest.Count == 0 ? Bad(verb, "The note is empty.") : new Note(id, CommandArguments.RestOf(trimmed, 2))),
            "reassign" => WithEscalation(verb, args, (id, rest) => WithPerson(verb, rest, p => new Reassign(id, p))),
            "snooze" => WithEscalation(verb, args, (id, rest) => rest.Count == 1 && CommandArguments.TryDuration(rest[0], out var d)
                ? new Snooze(id, d) : Bad(verb, "Give one duration such as 2h, 1d or 3d (at most 30d).")),
            "brief" => args.Count == 0 ? new Brief(null) : WithPerson(verb, args, p => new Brief(p)),
            "stats" => args.Count == 0 ? new Stats() : Bad("stats", "`stats` takes no arguments."),
            "import" => trimmed.Length > verb.Length ? new Import(trimmed[verb.Length..].Trim()) : Bad("import", "No CSV lines after `import`."),
            "managers" => ParseManagers(args),
            "keywords" => ParseKeywords(args),
            "goal" => ParseGoal(args),
            "unreachable" => args.Count == 0 ? new Unreachable() : Bad("unreachable", "`unreachable` takes no arguments."),
            // `crm import deals` carries the pasted CSV, so it reads the raw text (line breaks kept), not the tokens.
            "crm" => args is [var action, ..] && action.Equals("import", StringComparison.OrdinalIgnoreCase)
                ? Crm.Import.ImportDealsCommand.Parse(trimmed) ?? Bad("crm", "Say `crm import deals` followed by the CSV lines.")
                : Crm.CrmCommandParser.Parse(args),
            "install" => args is [var target] && target.Equals("teams", StringComparison.OrdinalIgnoreCase)
                ? new InstallTeams() : Bad("install", "Say `install teams`: Teams is the platform CoachBot can install itself on."),
            _ => new Invalid($"Unknown command \"{CommandArguments.Shorten(tokens[0])}\". {ManagerUsage.All}"),
        };
    }

    internal static ManagerCommand Bad(string verb, string problem) => new Invalid($"{problem} {ManagerUsage.For(verb)}");

    internal static ManagerCommand WithPerson(string verb, IReadOnlyList<string> tokens, Func<PersonRef, ManagerCommand> make) =>
        CommandArguments.ParsePerson(tokens) is { } person
            ? make(person)
            : Bad(verb, tokens.Count == 0 ? $"Say who. {PersonRef.Forms}" : $"I can't read \"{CommandArguments.Shorten(string.Join(' ', tokens))}\" as a person. {PersonRef.Forms}");

    private static ManagerCommand WithChoice(string verb, List<string> args, string[] choices, Func<PersonRef, string, ManagerCommand> make)
    {
        if (args.Count < 2 || !choices.Contains(args[^1].ToLowerInvariant()))
        {
            return Bad(verb, args.Count < 2 ? "Missing arguments." : $"\"{CommandArguments.Shorten(args[^1])}\" is not one of {string.Join(", ", choices)}.");
        }

        return WithPerson(verb, args[..^1], p => make(p, args[^1].ToLowerInvariant()));
    }

    private static ManagerCommand ParseFocus(List<string> args)
    {
        var skills = new List<string>();
        var end = args.Count;
        while (end > 1 && args[end - 1].Split(',', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts
               && parts.All(p => FocusSkills.TryParse(p, out _)))
        {
            // Stored as the profile's own values (objection_handling), whatever alias the manager typed.
            skills.InsertRange(0, parts.Select(p => FocusSkills.TryParse(p, out var skill) ? skill.ToDbValue() : p));
            end--;
        }

        return skills.Count == 0
            ? Bad("focus", args.Count < 2 ? "Missing arguments." : $"\"{CommandArguments.Shorten(args[^1])}\" is not a focus skill.")
            : WithPerson("focus", args[..end], p => new SetFocus(p, skills.Distinct().Take(3).ToList()));
    }

    // "goal @sam 5 demos weekly": the person runs up to the first number, the rest reads as the rep's own `goal` would.
    private static ManagerCommand ParseGoal(List<string> args)
    {
        var at = args.FindIndex(a => Goals.GoalArguments.TryAmount(a, out _));
        if (at < 1)
        {
            return Bad("goal", args.Count == 0 ? "Say who and the goal." : "Say who, then the number, e.g. `goal @sam 5 demos weekly`.");
        }

        var parsed = Goals.GoalArguments.Goal(args[at..].Select(a => a.ToLowerInvariant()).ToList());
        return parsed.Goal is Goals.GoalRequest.Set set
            ? WithPerson("goal", args[..at], p => new ProposeGoal(p, set))
            : Bad("goal", parsed.Problem ?? "Give a number, a metric and a period.");
    }

    private static ManagerCommand ParseFilter(List<string> args) => args switch
    {
        [] => new ListEscalations(EscalationFilter.Open),
        [var f] when Enum.TryParse<EscalationFilter>(f, true, out var filter) && f.All(char.IsAsciiLetter) => new ListEscalations(filter),
        _ => Bad("escalations", "Choose open, mine or all."),
    };

    private static ManagerCommand WithEscalation(string verb, List<string> args, Func<long, List<string>, ManagerCommand> make) =>
        args.Count == 0 ? Bad(verb, "Which escalation? Give its id, e.g. E-42.")
        : EscalationId.TryParse(args[0], out var id) ? make(id, args[1..])
        : Bad(verb, $"\"{CommandArguments.Shorten(args[0])}\" is not an escalation id.");

    private static ManagerCommand ParseManagers(List<string> args) => args switch
    {
        [var op, .. var rest] when op.Equals("add", StringComparison.OrdinalIgnoreCase) => WithPerson("managers", rest, p => new SetManager(true, p)),
        [var op, .. var rest] when op.Equals("remove", StringComparison.OrdinalIgnoreCase) => WithPerson("managers", rest, p => new SetManager(false, p)),
        _ => Bad("managers", "Say add or remove."),
    };

    private static ManagerCommand ParseKeywords(List<string> args) => args switch
    {
        [] => new Keywords(null, null),
        [var op, .. var rest] when rest.Count > 0 && op.Equals("add", StringComparison.OrdinalIgnoreCase) => new Keywords(Word(rest), null),
        [var op, .. var rest] when rest.Count > 0 && op.Equals("remove", StringComparison.OrdinalIgnoreCase) => new Keywords(null, Word(rest)),
        _ => Bad("keywords", "Say add or remove and a word."),
    };

    private static string Word(List<string> rest)
    {
        var word = string.Join(' ', rest).Trim().ToLowerInvariant();
        return word.Length > 60 ? word[..60] : word;
    }

    [GeneratedRegex(@"<[^>\s]*(?:\|[^>]*)?>|\S+")]
    private static partial Regex TokenPattern();
}

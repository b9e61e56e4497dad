using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Conversation;

/// <summary>Argument parsing per command. Bad values come back as a rejection that lists what is valid.</summary>
internal static class CommandArguments
{
    public const int MaxSnoozeDays = 90;

    public static CommandParse Style(string[] args)
    {
        if (args.Length == 0)
        {
            return Parsed(new RepCommand.Style(null));
        }

        return CommunicationStyles.TryParse(string.Join(' ', args), out var style)
            ? Parsed(new RepCommand.Style(style))
            : Rejected($"That isn't a style I know. Pick one of: {CommunicationStyles.ValidOptions} (e.g. `style analytical`).");
    }

    public static CommandParse Race(string[] args)
    {
        if (args.Length == 0)
        {
            return Parsed(new RepCommand.SetRace(null));
        }

        return Races.TryParse(string.Join(' ', args), out var race)
            ? Parsed(new RepCommand.SetRace(race))
            : Rejected("That isn't a race I know. Pick one of: sprint (short cycles), middle (mid-market), distance (long enterprise cycles).");
    }

    public static CommandParse Focus(string[] args)
    {
        if (args.Length == 0)
        {
            return Parsed(new RepCommand.Focus(null));
        }

        if (args is ["clear"] or ["none"])
        {
            return Parsed(new RepCommand.Focus([]));
        }

        var skills = new List<FocusSkill>();
        foreach (var part in string.Join(' ', args).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseSkills(part.Split(' ', StringSplitOptions.RemoveEmptyEntries), skills))
            {
                return Rejected($"I don't know one of those skills. Pick up to {FocusSkills.MaxPerRep} of: {SkillList}.");
            }
        }

        var distinct = skills.Distinct().ToList();
        return distinct.Count <= FocusSkills.MaxPerRep
            ? Parsed(new RepCommand.Focus(distinct))
            : Rejected($"Pick up to {FocusSkills.MaxPerRep} focus skills (you named {distinct.Count}). Options: {SkillList}.");
    }

    public static CommandParse TimeZone(string[] args)
    {
        if (args.Length == 0)
        {
            return Parsed(new RepCommand.TimeZone(null));
        }

        if (TimeZoneLookup.TryFind(string.Join('_', args), out var id))
        {
            return Parsed(new RepCommand.TimeZone(id));
        }

        var near = TimeZoneLookup.Suggest(string.Join('_', args));
        var hint = near.Count > 0 ? $" Did you mean {string.Join(", ", near.Select(n => $"`{n}`"))}?" : "";
        return Rejected($"That isn't a time zone I know.{hint} Use an IANA name such as Europe/Berlin, America/New_York or Asia/Tokyo.");
    }

    public static CommandParse Snooze(string[] args) => HoldEnd.Parse(args) switch
    {
        HoldEnd.For { Length.TotalDays: > MaxSnoozeDays } or null => Rejected(SnoozeOptions),
        var end => Parsed(new RepCommand.Snooze(end)),
    };

    public static CommandParse Pause(string[] args)
    {
        if (args.Length == 0)
        {
            return Parsed(new RepCommand.Pause());
        }

        return HoldEnd.Parse(args) switch
        {
            HoldEnd.For { Length.TotalDays: > MaxPauseDays } or null => Rejected(PauseOptions),
            var end => Parsed(new RepCommand.Pause(end)),
        };
    }

    public static CommandParse Schedule(string[] args) => ScheduleArguments.Parse(args);

    public const int MaxPauseDays = 365;

    public static string PauseOptions =>
        "I couldn't tell when the pause should end. Type `pause` to hold nudges until you type `resume`, or give an end: " +
        $"`pause until friday`, `pause for 2 weeks`, `pause until Dec 20` or `pause 3d` (up to {MaxPauseDays} days).";

    public static string SnoozeOptions =>
        $"Snooze needs an end in the future: `snooze 3d`, `snooze 2 weeks`, `snooze until friday` or `snooze until Dec 20` (up to {MaxSnoozeDays} days). " +
        "To stop nudges until you say so, type `pause`; `resume` brings them back.";

    public static string SkillList => string.Join(", ", Enum.GetValues<FocusSkill>().Select(s => s.Label()));

    // Skills may be typed with spaces ("objection handling closing"): take the longest known name at each position.
    private static bool TryParseSkills(string[] words, List<FocusSkill> into)
    {
        var i = 0;
        while (i < words.Length)
        {
            var matched = false;
            for (var take = Math.Min(3, words.Length - i); take >= 1 && !matched; take--)
            {
                if (FocusSkills.TryParse(string.Join(' ', words[i..(i + take)]), out var skill))
                {
                    into.Add(skill);
                    i += take;
                    matched = true;
                }
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    private static CommandParse Parsed(RepCommand command) => new CommandParse.Parsed(command);

    private static CommandParse Rejected(string message) => new CommandParse.Rejected(message);
}

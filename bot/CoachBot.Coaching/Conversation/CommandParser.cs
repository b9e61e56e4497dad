namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Turns a rep's text into a command. Any case, with or without a leading slash. Without a slash, only short
/// text that starts with a command word is treated as a command, so "stop by the Acme office on Friday" stays a reply.
/// </summary>
public static class CommandParser
{
    public static readonly IReadOnlyList<string> Commands =
    [
        "help", "why", "style", "race", "focus", "schedule", "timezone", "snooze", "pause", "resume", "stop", "start", "setup",
        "my data", "export my data", "delete my data", "goal", "log",
    ];

    private const int MaxWordsForImplicitCommand = 3;

    public static CommandParse Parse(string text, bool explicitCommand = false)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/'))
        {
            explicitCommand = true;
            trimmed = trimmed[1..];
        }

        var words = trimmed.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return explicitCommand ? new CommandParse.Parsed(new RepCommand.Help()) : new CommandParse.FreeText();
        }

        words[^1] = words[^1].TrimEnd('.', '!', '?');
        if (words[^1].Length == 0)
        {
            words = words[..^1];
        }

        var result = ParseKnown(words);
        if (result is null)
        {
            return Unknown(words, explicitCommand);
        }

        // A long sentence that merely starts with a command word is a reply, not a failed command.
        // A comma list after focus/schedule is clearly a command, however many words it has.
        var isList = (words[0] is "focus" or "schedule" && trimmed.Contains(',')) || IsGoalCommand(words);
        var implicitLooksLikeProse = !explicitCommand && !isList && words.Length > MaxWordsForImplicitCommand;
        return result is CommandParse.Rejected && implicitLooksLikeProse ? new CommandParse.FreeText() : result;
    }

    /// <summary>Few enough words to be a command attempt rather than prose.</summary>
    // One-word answers people give a nudge; any other lone word is more likely a command gone wrong ("stast", "blorft").
    private static readonly HashSet<string> OneWordReplies = new(StringComparer.OrdinalIgnoreCase)
    {
        "ok", "okay", "k", "thanks", "thx", "ty", "yes", "yep", "yeah", "no", "nope", "nah", "done", "did", "great", "cool", "nice",
        "sure", "will", "later", "maybe", "tomorrow", "today", "booked", "closed", "won", "lost", "agreed", "perfect", "awesome", "got", "noted",
    };

    /// <summary>A single word that is neither a command nor a usual one-word reply: even just after a nudge it is most likely a typo.</summary>
    public static bool IsLoneUnknownWord(string text)
    {
        var word = text.Trim().TrimEnd('.', '!', '?');
        return word.Length is > 0 and <= 20 && word.All(char.IsLetter) && !OneWordReplies.Contains(word);
    }

    public static bool IsShort(string text) =>
        text.Trim().Length <= 40 && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= MaxWordsForImplicitCommand;

    // "goal 20 calls per week" and "log 5k to pipeline" run long but are plainly commands: a bad one gets its usage, not "thanks".
    private static bool IsGoalCommand(string[] words) =>
        words[0] is "goal" or "goals" || (words[0] == "log" && words.Length > 1 && Goals.GoalArguments.TryAmount(words[1], out _));

    private static CommandParse? ParseKnown(string[] words)
    {
        var phrase = string.Join(' ', words);
        switch (phrase)
        {
            case "my data":
                return Parsed(new RepCommand.MyData(Export: false));
            case "export my data" or "my data export" or "export":
                return Parsed(new RepCommand.MyData(Export: true));
            case "delete my data":
                return Parsed(new RepCommand.DeleteMyData(Confirmed: false));
            case "delete my data confirm":
                return Parsed(new RepCommand.DeleteMyData(Confirmed: true));
        }

        if (words is ["time", "zone", ..])
        {
            words = ["timezone", .. words[2..]];
        }

        var args = words[1..];
        return words[0] switch
        {
            "help" or "?" => Parsed(new RepCommand.Help()),
            "setup" => NoArguments(args, new RepCommand.Setup()),
            // "why", "why this?", "why this wording": a longer "why ..." sentence is a question or a reply, not this command.
            "why" when args.Length <= 2 => Parsed(new RepCommand.Why()),
            "pause" => CommandArguments.Pause(args),
            "resume" => NoArguments(args, new RepCommand.Resume()),
            "stop" => NoArguments(args, new RepCommand.Stop()),
            "start" => NoArguments(args, new RepCommand.Start()),
            "style" => CommandArguments.Style(args),
            "race" => CommandArguments.Race(args),
            "focus" => CommandArguments.Focus(args),
            "schedule" => CommandArguments.Schedule(args),
            "timezone" or "tz" => CommandArguments.TimeZone(args),
            "snooze" => CommandArguments.Snooze(args),
            "goal" or "goals" => Goal(Goals.GoalArguments.Goal(args)),
            _ when Goals.GoalArguments.LogVerbs.ContainsKey(words[0]) && Goals.GoalArguments.Log(words[0], args) is { } log => Goal(log),
            _ => null,
        };
    }

    private static CommandParse Unknown(string[] words, bool explicitCommand)
    {
        var suggestions = Commands
            .Select(c => (Command: c, Distance: EditDistance.Between(string.Join(' ', words.Take(c.Count(ch => ch == ' ') + 1)), c)))
            .Where(x => x.Distance > 0 && x.Distance <= EditDistance.Tolerance(x.Command))
            .OrderBy(x => x.Distance)
            .Take(3)
            .Select(x => x.Command)
            .ToList();
        var looksLikeCommand = explicitCommand || (suggestions.Count > 0 && words.Length <= MaxWordsForImplicitCommand);
        return looksLikeCommand ? new CommandParse.Unknown(suggestions) : new CommandParse.FreeText();
    }

    // Bare words like "pause" are commands; "pause for a sec while I check" is not, unless it came with a slash.
    private static CommandParse NoArguments(string[] args, RepCommand command) =>
        args.Length == 0 ? Parsed(command) : new CommandParse.Rejected($"That command takes nothing after it. {CommandHelp.Summary}");

    private static CommandParse.Parsed Parsed(RepCommand command) => new(command);

    private static CommandParse Goal(Goals.GoalArguments.Parsed parsed) =>
        parsed.Goal is { } goal ? Parsed(new RepCommand.Goals(goal))
        : parsed.Log is { } log ? Parsed(new RepCommand.LogProgress(log.Metric, log.Amount))
        : new CommandParse.Rejected(parsed.Problem!);
}

using CoachBot.Coaching.Profiles;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Coaching.Nudges.Library;

internal static class NudgeLibraryReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static NudgeLibrary Read(IEnumerable<NudgeContentFile> files)
    {
        var problems = new List<string>();
        var intents = new List<NudgeIntent>();
        LibraryManifestModel? manifest = null;
        foreach (var file in files)
        {
            try
            {
                if (file.IsManifest)
                {
                    manifest = Yaml.Deserialize<LibraryManifestModel>(file.Yaml);
                    continue;
                }

                var model = Yaml.Deserialize<NudgeFileModel>(file.Yaml) ?? new NudgeFileModel();
                intents.AddRange(model.Intents.Select(i => ToIntent(i, file.Name, problems)).OfType<NudgeIntent>());
            }
            catch (YamlException ex)
            {
                problems.Add($"{file.Name} line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
            }
        }

        var followUps = ReadFollowUps(manifest, problems);
        if (problems.Count > 0)
        {
            throw new NudgeLibraryException(problems);
        }

        return new NudgeLibrary(manifest!.Version, intents, followUps);
    }

    private static Dictionary<CommunicationStyle, string> ReadFollowUps(LibraryManifestModel? manifest, List<string> problems)
    {
        var followUps = new Dictionary<CommunicationStyle, string>();
        if (manifest is null || manifest.Version < 1)
        {
            problems.Add($"{NudgeContentFile.ManifestName}: missing, or its version is not a positive number");
            return followUps;
        }

        foreach (var (key, template) in manifest.FollowUps)
        {
            if (CommunicationStyles.TryParse(key, out var style))
            {
                followUps[style] = template.Trim();
            }
            else
            {
                problems.Add($"{NudgeContentFile.ManifestName}: follow-up for unknown style '{key}' (valid: {CommunicationStyles.ValidOptions})");
            }
        }

        return followUps;
    }

    private static NudgeIntent? ToIntent(NudgeFileModel.IntentModel model, string file, List<string> problems)
    {
        var where = $"{file} intent '{model.Id}'";
        var before = problems.Count;
        var skill = FocusSkills.FromDbValue(model.Skill);
        if (skill is null)
        {
            problems.Add($"{where}: unknown skill '{model.Skill}'");
        }

        var races = ReadAll(model.Races, Races.FromDbValue, "race", where, problems);
        var levels = ReadAll(model.Levels, ExperienceLevels.FromDbValue, "level", where, problems);
        var renderings = new Dictionary<CommunicationStyle, NudgeRendering>();
        foreach (var (key, rendering) in model.Renderings)
        {
            if (CommunicationStyles.FromDbValue(key) is { } style)
            {
                renderings[style] = new NudgeRendering((rendering.Text ?? "").Trim(), (rendering.Cta ?? "").Trim());
            }
            else
            {
                problems.Add($"{where}: rendering for unknown style '{key}'");
            }
        }

        var needs = Deals.DealSignals.FromName(model.Needs);
        if (model.Needs is not null && needs is null)
        {
            problems.Add($"{where}: unknown needs '{model.Needs}' (valid: {Deals.DealSignals.ValidOptions})");
        }

        var help = ReadHelp(model.Help);
        return problems.Count > before
            ? null
            : new NudgeIntent(model.Id.Trim(), skill!.Value, races, levels, model.Action.Trim(), model.Why.Trim(), renderings, file) { Help = help, Needs = needs };
    }

    private static Dictionary<CommunicationStyle, NudgeHelp> ReadHelp(NudgeFileModel.HelpModel? model)
    {
        var help = new Dictionary<CommunicationStyle, NudgeHelp>();
        if (model is null)
        {
            return help;
        }

        foreach (var (style, words) in new[]
        {
            (CommunicationStyle.Driver, model.Driver), (CommunicationStyle.Expressive, model.Expressive),
            (CommunicationStyle.Amiable, model.Amiable), (CommunicationStyle.Analytical, model.Analytical),
        })
        {
            if (words is not null)
            {
                help[style] = new NudgeHelp((words.TalkTrack ?? "").Trim(), (model.Example ?? "").Trim(), (words.FirstStep ?? "").Trim());
            }
        }

        return help;
    }

    private static HashSet<T> ReadAll<T>(List<string> values, Func<string, T?> parse, string what, string where, List<string> problems)
        where T : struct
    {
        var set = new HashSet<T>();
        foreach (var value in values)
        {
            if (parse(value) is { } parsed)
            {
                set.Add(parsed);
            }
            else
            {
                problems.Add($"{where}: unknown {what} '{value}'");
            }
        }

        if (set.Count == 0 && values.Count == 0)
        {
            problems.Add($"{where}: no {what}s listed");
        }

        return set;
    }
}

using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Library;

/// <summary>
/// The nudge content: intents from Content/nudges/*.yaml and the manifest (library.yaml) holding the library version and
/// the per-style follow-up templates. Loading checks structure; <see cref="NudgeLinter"/> checks the writing.
/// </summary>
public sealed class NudgeLibrary
{
    private readonly Dictionary<string, NudgeIntent> _byId;

    internal NudgeLibrary(int version, IReadOnlyList<NudgeIntent> intents, IReadOnlyDictionary<CommunicationStyle, string> followUps)
    {
        Version = version;
        Intents = intents;
        FollowUpTemplates = followUps;
        _byId = intents.DistinctBy(i => i.Id).ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>Bump in library.yaml whenever wording changes, so response data can be compared across versions.</summary>
    public int Version { get; }

    public IReadOnlyList<NudgeIntent> Intents { get; }

    /// <summary>Templates for the one follow-up; they may use {action} and {why} besides the usual placeholders.</summary>
    public IReadOnlyDictionary<CommunicationStyle, string> FollowUpTemplates { get; }

    public NudgeIntent? Find(string id) => _byId.GetValueOrDefault(id);

    public static NudgeLibrary LoadEmbedded()
    {
        var assembly = typeof(NudgeLibrary).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Content.nudges.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new NudgeContentFile(name[(name.IndexOf(".Content.nudges.", StringComparison.Ordinal) + 16)..], reader.ReadToEnd());
            });
        return Load(files);
    }

    public static NudgeLibrary Load(IEnumerable<NudgeContentFile> files) => NudgeLibraryReader.Read(files);
}

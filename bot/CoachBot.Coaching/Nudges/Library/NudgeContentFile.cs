namespace CoachBot.Coaching.Nudges.Library;

/// <summary>A content file's name and YAML text, from the embedded resources or a test.</summary>
public sealed record NudgeContentFile(string Name, string Yaml)
{
    public const string ManifestName = "library.yaml";

    public bool IsManifest => Name.EndsWith(ManifestName, StringComparison.Ordinal);
}

namespace CoachBot.Coaching.Nudges.Library;

// The YAML shapes, read with YamlDotNet's underscored naming; unknown keys fail loading so typos surface in tests.
internal sealed class NudgeFileModel
{
    public List<IntentModel> Intents { get; set; } = [];

    public sealed class IntentModel
    {
        public string Id { get; set; } = "";
        public string Skill { get; set; } = "";
        public List<string> Races { get; set; } = [];
        public List<string> Levels { get; set; } = [];
        public string Action { get; set; } = "";
        public string Why { get; set; } = "";
        public string? Needs { get; set; }
        public Dictionary<string, RenderingModel> Renderings { get; set; } = [];
        public HelpModel? Help { get; set; }
    }

    // The example is shared; the talk track and first step are written per style.
    public sealed class HelpModel
    {
        public string Example { get; set; } = "";
        public HelpStyleModel? Driver { get; set; }
        public HelpStyleModel? Expressive { get; set; }
        public HelpStyleModel? Amiable { get; set; }
        public HelpStyleModel? Analytical { get; set; }
    }

    public sealed class HelpStyleModel
    {
        public string TalkTrack { get; set; } = "";
        public string FirstStep { get; set; } = "";
    }

    public sealed class RenderingModel
    {
        public string Text { get; set; } = "";
        public string Cta { get; set; } = "";
    }
}

internal sealed class LibraryManifestModel
{
    public int Version { get; set; }
    public Dictionary<string, string> FollowUps { get; set; } = [];
}

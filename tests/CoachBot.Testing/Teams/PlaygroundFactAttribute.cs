using Xunit;

namespace CoachBot.Testing.Teams;

/// <summary>A fact that needs the Agents Playground installed (deploy/teams/tools); skipped, saying so, when it is not.</summary>
public sealed class PlaygroundFactAttribute : FactAttribute
{
    public PlaygroundFactAttribute()
    {
        if (AgentsPlayground.CliPath is null)
        {
            Skip = "Agents Playground not installed: cd deploy/teams/tools && npm ci";
        }
    }
}

namespace CoachBot.Benchmarks;

/// <summary>One benchmark setup: who is due, the fakes' limits, the senders' configured pace, instances and kills.</summary>
internal sealed record Scenario(
    string Name,
    int SlackWorkspaces,
    int TeamsTenants,
    int RepsPerWorkspace,
    int SlackCapPerMinute,
    int TeamsCapPerSecond,
    int SlackPacePerMinute,
    double TeamsPacePerSecond,
    int Instances = 1,
    int Kills = 0,
    int LatencyMs = 20)
{
    public int Reps => (SlackWorkspaces + TeamsTenants) * RepsPerWorkspace;

    public static Scenario Get(string name, BenchArgs args)
    {
        var scenario = name switch
        {
            "a" => new Scenario("a", 0, 1, 10_000, 0, 50, 0, 48.5),
            "b" => new Scenario("b", 1, 0, 4_000, 1_200, 0, 1_170, 0),
            "c" => new Scenario("c", 50, 50, 1_000, 1_000_000, 100_000, 600_000, 10_000, LatencyMs: 10),
            "d-teams" => new Scenario("d-teams", 0, 1, 10_000, 0, 50, 0, 48.5, Kills: 3),
            "d-slack" => new Scenario("d-slack", 1, 0, 4_000, 1_200, 0, 1_170, 0, Kills: 3),
            "e" => new Scenario("e", 50, 50, 1_000, 1_000_000, 100_000, 600_000, 10_000, Instances: 2, LatencyMs: 10),
            _ => throw new ArgumentException($"Unknown scenario '{name}'. Valid: a, b, c, d-teams, d-slack, e."),
        };
        return scenario with
        {
            RepsPerWorkspace = args.Int("repsPerWorkspace", scenario.RepsPerWorkspace),
            LatencyMs = args.Int("latencyMs", scenario.LatencyMs),
            Instances = args.Int("instances", scenario.Instances),
            Kills = args.Int("kills", scenario.Kills),
            TeamsPacePerSecond = args.Double("teamsPace", scenario.TeamsPacePerSecond),
            SlackPacePerMinute = args.Int("slackPace", scenario.SlackPacePerMinute),
        };
    }
}

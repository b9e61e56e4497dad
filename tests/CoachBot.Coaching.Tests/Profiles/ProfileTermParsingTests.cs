using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Profiles;

public sealed class ProfileTermParsingTests
{
    [Theory]
    [InlineData("driver", CommunicationStyle.Driver)]
    [InlineData("  DRIVER ", CommunicationStyle.Driver)]
    [InlineData("d", CommunicationStyle.Driver)]
    [InlineData("Red", CommunicationStyle.Driver)]
    [InlineData("yellow", CommunicationStyle.Expressive)]
    [InlineData("Amiable!", CommunicationStyle.Amiable)]
    [InlineData("green", CommunicationStyle.Amiable)]
    [InlineData("blue", CommunicationStyle.Analytical)]
    [InlineData("Analytical", CommunicationStyle.Analytical)]
    public void StyleIsReadFromNamesAndAliasesInAnyCase(string text, CommunicationStyle expected)
    {
        var parsed = CommunicationStyles.TryParse(text, out var style);

        Assert.True(parsed);
        Assert.Equal(expected, style);
    }

    [Theory]
    [InlineData("purple")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("a")]
    public void UnknownStyleIsRejected(string? text)
    {
        Assert.False(CommunicationStyles.TryParse(text, out _));
    }

    [Theory]
    [InlineData("sprint", Race.Sprint)]
    [InlineData("Sprinter", Race.Sprint)]
    [InlineData("middle distance", Race.Middle)]
    [InlineData("middle-distance", Race.Middle)]
    [InlineData("mid-market", Race.Middle)]
    [InlineData("distance", Race.Distance)]
    [InlineData("Enterprise", Race.Distance)]
    public void RaceIsReadFromNamesAndAliases(string text, Race expected)
    {
        Assert.True(Races.TryParse(text, out var race));
        Assert.Equal(expected, race);
    }

    [Theory]
    [InlineData("objection handling", FocusSkill.ObjectionHandling)]
    [InlineData("Objections", FocusSkill.ObjectionHandling)]
    [InlineData("objection_handling", FocusSkill.ObjectionHandling)]
    [InlineData("pipeline", FocusSkill.PipelineHygiene)]
    [InlineData("self-management", FocusSkill.SelfManagement)]
    [InlineData("upsell", FocusSkill.AccountGrowth)]
    public void FocusSkillIsReadFromNamesAndAliases(string text, FocusSkill expected)
    {
        Assert.True(FocusSkills.TryParse(text, out var skill));
        Assert.Equal(expected, skill);
    }

    [Fact]
    public void SkillListKeepsOrderDropsDuplicatesAndReportsUnknownWords()
    {
        var (skills, unknown) = FocusSkills.ParseList("Discovery, objection handling demo and discovery; juggling");

        Assert.Equal([FocusSkill.Discovery, FocusSkill.ObjectionHandling, FocusSkill.Demo], skills);
        Assert.Equal(["juggling"], unknown);
    }

    [Fact]
    public void StoredValuesRoundTripForEveryTerm()
    {
        Assert.All(CommunicationStyles.All, s => Assert.Equal(s, CommunicationStyles.FromDbValue(s.ToDbValue())));
        Assert.All(Races.All, r => Assert.Equal(r, Races.FromDbValue(r.ToDbValue())));
        Assert.All(FocusSkills.All, f => Assert.Equal(f, FocusSkills.FromDbValue(f.ToDbValue())));
        Assert.All(ExperienceLevels.All, l => Assert.Equal(l, ExperienceLevels.FromDbValue(l.ToDbValue())));
    }

    [Fact]
    public void StoredValuesMatchTheRepProfileSchema()
    {
        Assert.Equal(["sprint", "middle", "distance"], Races.All.Select(r => r.ToDbValue()));
        Assert.Equal(["newer", "experienced"], ExperienceLevels.All.Select(l => l.ToDbValue()));
        Assert.Equal(["driver", "expressive", "amiable", "analytical"], CommunicationStyles.All.Select(s => s.ToDbValue()));
        Assert.Null(CommunicationStyles.FromDbValue(null));
    }

    [Fact]
    public void ValidOptionsNameEverySkillReadably()
    {
        Assert.Equal(
            "prospecting, discovery, demo, objection handling, negotiation, closing, pipeline hygiene, account growth, forecasting, self management",
            FocusSkills.ValidOptions);
    }
}

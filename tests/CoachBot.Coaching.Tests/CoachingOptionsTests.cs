namespace CoachBot.Coaching.Tests;

public sealed class CoachingOptionsTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(365, true)]
    [InlineData(-1, false)]
    [InlineData(366, false)]
    public void RepeatWindowMustBeBetweenZeroAndAYear(int days, bool valid)
    {
        var result = new CoachingOptionsValidator().Validate(null, new CoachingOptions { RepeatWindowDays = days });

        Assert.Equal(valid, result.Succeeded);
        Assert.True(valid || result.FailureMessage!.Contains("Coaching:RepeatWindowDays"));
    }

    [Fact]
    public void DefaultWindowIsThirtyDays()
    {
        Assert.Equal(TimeSpan.FromDays(30), new CoachingOptions().RepeatWindow);
    }
}

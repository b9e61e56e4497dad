using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Tests.Managers;

public sealed class RosterCsvTests
{
    [Fact]
    public void ReadsRowsWithHeaderAndDefaultsTheRole()
    {
        var (rows, error) = RosterCsv.Parse("email,name,role,manager,time zone\nSam@Example.com,Sam Rep,,pat@example.com,Europe/Paris\npat@example.com,\"Boss, Pat\",manager,,");

        Assert.Null(error);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new RosterRow("sam@example.com", "Sam Rep", "rep", "pat@example.com", "Europe/Paris"), rows[0]);
        Assert.Equal("Boss, Pat", rows[1].Name);
    }

    [Theory]
    [InlineData("not-an-email,Sam", "Line 1")]
    [InlineData("a@x.com,A,boss", "role")]
    [InlineData("a@x.com,A,rep,Pat", "manager's email")]
    [InlineData("a@x.com,A,rep,,Mars/Olympus", "IANA")]
    [InlineData("a@x.com,A\na@x.com,B", "more than once")]
    [InlineData("email,name", "No roster rows")]
    public void RejectsTheWholeFileOnAnyBadRow(string csv, string expected)
    {
        var (rows, error) = RosterCsv.Parse(csv);

        Assert.Empty(rows);
        Assert.Contains(expected, error);
    }
}

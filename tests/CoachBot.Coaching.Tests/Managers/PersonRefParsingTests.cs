using CoachBot.Coaching.Managers;
using static CoachBot.Coaching.Managers.ManagerCommand;

namespace CoachBot.Coaching.Tests.Managers;

// Issue 12 defect 13: "/coach rep @Ava Martinez" and the other ways managers name someone.
public sealed class PersonRefParsingTests
{
    [Fact]
    public void AMentionFollowedByTheRestOfTheTypedNameIsTheMention()
    {
        var rep = Assert.IsType<Rep>(ManagerCommandParser.Parse("rep <@U0AVA|ava> Martinez"));

        Assert.Equal(new PersonRef(PersonRefKind.UserId, "U0AVA"), rep.Person);
    }

    [Fact]
    public void AMentionWithAFullNameInsideIsOnePerson()
    {
        var style = Assert.IsType<SetStyle>(ManagerCommandParser.Parse("style <@U0AVA|Ava Martinez> driver"));

        Assert.Equal(new PersonRef(PersonRefKind.UserId, "U0AVA"), style.Person);
    }

    [Fact]
    public void AnUnresolvedTeamsMentionIsReadAsTheName()
    {
        var rep = Assert.IsType<Rep>(ManagerCommandParser.Parse("rep <at>Ava Martinez</at>"));

        Assert.Equal(new PersonRef(PersonRefKind.Name, "Ava Martinez"), rep.Person);
    }

    [Fact]
    public void ATeamsMentionTheTeamsLayerResolvedCarriesTheAadObjectId()
    {
        var rep = Assert.IsType<Rep>(ManagerCommandParser.Parse("rep <@0a1b2c3d-1111-2222-3333-444455556666|Ava Martinez>"));

        Assert.Equal(new PersonRef(PersonRefKind.UserId, "0a1b2c3d-1111-2222-3333-444455556666"), rep.Person);
    }

    [Fact]
    public void AFullNameWithSpacesAndAnAtEmailAreRead()
    {
        Assert.Equal(new PersonRef(PersonRefKind.Name, "Ava Martinez"), Assert.IsType<Rep>(ManagerCommandParser.Parse("rep @Ava   Martinez")).Person);
        Assert.Equal(new PersonRef(PersonRefKind.Email, "ava@acme.example"), Assert.IsType<Rep>(ManagerCommandParser.Parse("rep @ava@acme.example")).Person);
    }

    [Fact]
    public void SomethingThatIsNoPersonIsAnsweredWithTheFormsThatWork()
    {
        var bad = Assert.IsType<Invalid>(ManagerCommandParser.Parse("rep <#C123|general>"));

        Assert.Contains(PersonRef.Forms, bad.Message);
        Assert.Contains("Usage: `rep @person`", bad.Message);
    }
}

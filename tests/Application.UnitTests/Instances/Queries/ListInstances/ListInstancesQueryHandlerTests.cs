using RyzeApi.Application.Common.Security;
using RyzeApi.Application.Instances.Queries.ListInstances;

namespace RyzeApi.Application.UnitTests.Instances.Queries.ListInstances;

[TestFixture]
public sealed class ListInstancesQueryHandlerTests
{
    private static readonly InstanceSummary s_sales = new("sales", TestData.Now, "int_0000000000000001", IntegrationStatus.Active);
    private static readonly InstanceSummary s_support = new("support", TestData.Now, null, null);
    private readonly Mock<IInstanceRepository> _instances = new();
    private IReadOnlyCollection<string>? _askedNames;

    [Test]
    public async Task Handle_InstanceToken_ListsOnlyItsOwnNameWhateverWasAsked()
    {
        // Arrange
        SetupList(s_sales);
        var caller = new Caller(TestData.AccountId, TestData.Instance.Id, "sales");
        var query = new ListInstancesQuery(caller, ["support", "other"]);

        // Act
        var found = await Handler().Handle(query, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(_askedNames, Is.EqualTo(new[] { "sales" }));
            Assert.That(found, Is.EqualTo(new[] { s_sales }));
        });
    }

    [Test]
    public async Task Handle_AccountWithoutFilter_ListsEverything()
    {
        // Arrange
        SetupList(s_sales, s_support);
        var query = new ListInstancesQuery(TestData.AccountCaller, null);

        // Act
        var found = await Handler().Handle(query, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(_askedNames, Is.Null);
            Assert.That(found, Is.EqualTo(new[] { s_sales, s_support }));
        });
        _instances.Verify(r => r.ListAsync(TestData.AccountId, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_ThousandsOfInvalidNames_NamesTheFirstThreeAndCountsTheRest()
    {
        // Arrange: the message (and its log line) stays bounded whatever the query holds.
        var names = Enumerable.Range(0, 5000).Select(i => $"bad name {i}").ToList();
        var query = new ListInstancesQuery(TestData.AccountCaller, names);

        // Act
        var thrown = Assert.ThrowsAsync<ValidationException>(async () => await Handler().Handle(query, CancellationToken.None));

        // Assert
        Assert.That(thrown.Failures, Is.EqualTo(new[]
        {
            "instanceName \"bad name 0\" contains a space at position 4",
            "instanceName \"bad name 1\" contains a space at position 4",
            "instanceName \"bad name 2\" contains a space at position 4",
            "and 4997 more",
            "an instance name is 1 to 64 letters, digits, '-' or '_'",
        }));
        _instances.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_AccountAsksForOneUnknownName_ThrowsNotFound()
    {
        // Arrange
        SetupList();
        var query = new ListInstancesQuery(TestData.AccountCaller, ["missing"]);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(query, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("Instance not found"));
    }

    [Test]
    public async Task Handle_AccountAsksForSeveralUnknownNames_ReturnsEmpty()
    {
        // Arrange
        SetupList();
        var query = new ListInstancesQuery(TestData.AccountCaller, ["missing", "gone"]);

        // Act
        var found = await Handler().Handle(query, CancellationToken.None);

        // Assert
        Assert.That(found, Is.Empty);
    }

    [Test]
    public async Task Handle_InstanceTokenWhoseInstanceIsGone_ReturnsEmpty()
    {
        // Arrange
        SetupList();
        var query = new ListInstancesQuery(new Caller(TestData.AccountId, TestData.Instance.Id, "sales"), null);

        // Act
        var found = await Handler().Handle(query, CancellationToken.None);

        // Assert
        Assert.That(found, Is.Empty);
    }

    private void SetupList(params InstanceSummary[] result) =>
        _instances
            .Setup(r => r.ListAsync(TestData.AccountId, It.IsAny<IReadOnlyCollection<string>?>(), It.IsAny<CancellationToken>()))
            .Callback((Guid _, IReadOnlyCollection<string>? names, CancellationToken _) => _askedNames = names)
            .ReturnsAsync(result);

    private ListInstancesQueryHandler Handler() => new(_instances.Object);
}

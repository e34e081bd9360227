using Mediator;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Security;
using RyzeApi.Application.Instances.Commands.DeleteInstance;

namespace RyzeApi.Application.UnitTests.Instances.Commands.DeleteInstance;

[TestFixture]
public sealed class DeleteInstanceCommandHandlerTests
{
    private readonly Mock<IInstanceRepository> _instances = new();

    [SetUp]
    public void SetUp() =>
        _instances.Setup(r => r.FindByNameAsync(TestData.Instance.Name, It.IsAny<CancellationToken>())).ReturnsAsync(TestData.Instance);

    [Test]
    public async Task Handle_OwnInstance_DeletesIt()
    {
        // Arrange
        _instances.Setup(r => r.DeleteAsync(TestData.Instance.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        // Act
        var result = await Handler().Handle(new DeleteInstanceCommand(TestData.AccountCaller, "sales"), CancellationToken.None);

        // Assert
        Assert.That(result, Is.EqualTo(Unit.Value));
        _instances.Verify(r => r.DeleteAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_InstanceOfAnotherAccount_ThrowsNotFoundWithoutDeleting()
    {
        // Arrange
        var caller = new Caller(TestData.OtherAccountId, null, null);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(
            async () => await Handler().Handle(new DeleteInstanceCommand(caller, "sales"), CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("Instance not found"));
        _instances.Verify(r => r.DeleteAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_DeletedConcurrently_ThrowsNotFound()
    {
        // Arrange
        _instances.Setup(r => r.DeleteAsync(TestData.Instance.Id, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(
            async () => await Handler().Handle(new DeleteInstanceCommand(TestData.AccountCaller, "sales"), CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("Instance not found"));
    }

    private DeleteInstanceCommandHandler Handler() => new(new InstanceResolver(_instances.Object), _instances.Object);
}

using System.Security.Cryptography;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure.UnitTests.Security;

[TestFixture]
public sealed class EncryptionKeyRingTests
{
    private const string Token = "cw-api-token-123";
    private const string IntegrationId = "int_abcdefghij012345";

    [Test]
    public void Rotation_NewCurrentWithOldPrevious_DecryptsOldAndEncryptsWithNew()
    {
        // Arrange
        var old = new AesGcmTokenProtector(TestKeys.Ring(TestKeys.Old)).Protect(Token, IntegrationId);
        var rotated = new AesGcmTokenProtector(TestKeys.Ring(TestKeys.New, TestKeys.Old));

        // Act
        var decrypted = rotated.Unprotect(old, IntegrationId);
        var fresh = rotated.Protect(Token, IntegrationId);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decrypted, Is.EqualTo(Token));
            Assert.That(fresh.KeyId, Is.EqualTo(EncryptionKeyRing.IdOf(TestKeys.New)));
            Assert.That(fresh.KeyId, Is.Not.EqualTo(old.KeyId));
            Assert.That(rotated.Unprotect(fresh, IntegrationId), Is.EqualTo(Token));
        });
    }

    [Test]
    public void Rotation_OldKeyDropped_ThrowsNamingPreviousKeysSetting()
    {
        // Arrange
        var old = new AesGcmTokenProtector(TestKeys.Ring(TestKeys.Old)).Protect(Token, IntegrationId);
        var rotated = new AesGcmTokenProtector(TestKeys.Ring(TestKeys.New));

        // Act
        // Assert
        Assert.That(
            () => rotated.Unprotect(old, IntegrationId),
            Throws.InstanceOf<SecretUnreadableException>().With.Message.EqualTo(
                $"No encryption key with id {EncryptionKeyRing.IdOf(TestKeys.Old)} is configured; add the old key to Chatwoot__PreviousEncryptionKeys"));
    }

    [TestCase("not base64!!")]
    [TestCase("@@@@")]
    public void Parse_NotBase64_ThrowsNamingTheSetting(string key)
    {
        // Arrange
        // (key from the test case)

        // Act
        // Assert
        Assert.That(
            () => EncryptionKeyRing.Parse(key, []),
            Throws.InvalidOperationException.With.Message.EqualTo(
                "Chatwoot__EncryptionKey is not valid base64. It must be base64 of exactly 32 random bytes; generate one with: head -c32 /dev/urandom | base64"));
    }

    [TestCase(16)]
    [TestCase(31)]
    [TestCase(33)]
    [TestCase(0)]
    public void Parse_WrongLength_ThrowsSayingThirtyTwoBytes(int length)
    {
        // Arrange
        var key = Convert.ToBase64String(new byte[length]);

        // Act
        // Assert
        Assert.That(
            () => EncryptionKeyRing.Parse(key, []),
            Throws.InvalidOperationException.With.Message.EqualTo(
                $"Chatwoot__EncryptionKey decodes to {length} bytes; AES-256-GCM needs exactly 32. Generate one with: head -c32 /dev/urandom | base64"));
    }

    [Test]
    public void Parse_BadPreviousKeyAfterBlankOne_NamesItsOwnIndex()
    {
        // Arrange
        string?[] previous = ["", TestKeys.Base64(TestKeys.Old), "short"];

        // Act
        // Assert
        Assert.That(
            () => EncryptionKeyRing.Parse(TestKeys.Base64(TestKeys.New), previous),
            Throws.InvalidOperationException.With.Message.StartsWith("Chatwoot__PreviousEncryptionKeys__2 "));
    }

    [Test]
    public void Parse_KeyWithSurroundingWhitespace_IsAccepted()
    {
        // Arrange
        var key = "  " + TestKeys.Base64(TestKeys.Old) + "\n";

        // Act
        var ring = EncryptionKeyRing.Parse(key, [null, " "]);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ring.CurrentKey, Is.EqualTo(TestKeys.Old));
            Assert.That(ring.CurrentKeyId, Is.EqualTo(EncryptionKeyRing.IdOf(TestKeys.Old)));
        });
    }

    [Test]
    public void IdOf_SameKey_IsStableAndDiffersBetweenKeys()
    {
        // Arrange
        var copy = (byte[])TestKeys.Old.Clone();

        // Act
        var first = EncryptionKeyRing.IdOf(TestKeys.Old);
        var again = EncryptionKeyRing.IdOf(copy);
        var other = EncryptionKeyRing.IdOf(TestKeys.New);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
            Assert.That(first, Does.Match("^k[0-9a-f]{12}$"));
            Assert.That(TestKeys.Ring(TestKeys.Old).CurrentKeyId, Is.EqualTo(first));
        });
    }

    [Test]
    public void TryGetKey_PreviousKey_IsFoundByItsId()
    {
        // Arrange
        var ring = TestKeys.Ring(TestKeys.New, TestKeys.Old);

        // Act
        var found = ring.TryGetKey(EncryptionKeyRing.IdOf(TestKeys.Old), out var key);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(key, Is.EqualTo(TestKeys.Old));
            Assert.That(ring.TryGetKey("k000000000000", out _), Is.False);
        });
    }
}

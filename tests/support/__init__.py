"""What the tests share: the real finger, fake time, the content they read and break, the kiosk."""

import { vi } from 'vitest';
import { electronMock } from './electron-mock.ts';

vi.mock('electron', () => electronMock());
